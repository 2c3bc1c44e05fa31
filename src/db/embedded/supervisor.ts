import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "../../log.js";
import type { EmbeddedNeo4j } from "./embedded-neo4j.js";
import { boltAnswers, boltPort, DEFAULT_LIVENESS, type LivenessOptions } from "./liveness.js";

/** Waits before each restart attempt: quick at first, then no faster than every 30 s. */
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/** Up this long, a restarted JVM counts as recovered: the next failure starts the backoff again. */
const STABLE_MS = 60_000;

export interface EmbeddedSupervisor {
  /** The JVM running now (a new one after each restart). */
  readonly current: EmbeddedNeo4j;
  /** JVMs started after the first one: each one a recovery from a death or a hang. */
  readonly restarts: number;
  /** Stops the JVM and any restart in progress. */
  stop(): Promise<void>;
  kill(): void;
}

export interface SuperviseOptions {
  liveness?: LivenessOptions;
  /** Whether the JVM answers; by default a Bolt handshake on its port (see liveness.ts). */
  probe?: (jvm: EmbeddedNeo4j, timeoutMs: number) => Promise<boolean>;
}

/**
 * Watches the embedded JVM: when it exits without being asked to (killed, crashed, out of
 * memory), it is started again on the same port and store, with backoff, until it runs. When it
 * stops answering (paused with SIGSTOP, wedged), `liveness.failures` probes in a row fail and it is
 * killed with SIGKILL, which restarts it the same way. The driver reconnects by itself (same URI),
 * so the API serves again without a restart; meanwhile requests fail fast with SERVICE_UNAVAILABLE.
 */
export function superviseEmbedded(
  first: EmbeddedNeo4j,
  start: () => Promise<EmbeddedNeo4j>,
  log: Logger,
  options: SuperviseOptions = {},
): EmbeddedSupervisor {
  const liveness = options.liveness ?? DEFAULT_LIVENESS;
  const probe = options.probe ?? ((jvm, timeoutMs) => boltAnswers(boltPort(jvm.uri), timeoutMs));
  let current = first;
  let stopping = false;
  let failures = 0;
  let restarts = 0;
  let livenessTimer: NodeJS.Timeout | undefined;

  const watch = (jvm: EmbeddedNeo4j) => {
    void jvm.exited.then(({ code, signal }) => {
      if (jvm === current) clearInterval(livenessTimer);
      if (stopping || jvm !== current) return;
      log.error({ pid: jvm.pid, code, signal }, "embedded Neo4j exited unexpectedly: restarting it");
      void restart();
    });
    watchLiveness(jvm);
  };

  /** Probes the JVM every interval; one probe at a time (one still pending counts as failed). */
  const watchLiveness = (jvm: EmbeddedNeo4j) => {
    clearInterval(livenessTimer);
    let misses = 0;
    let pending = false;
    livenessTimer = setInterval(() => {
      if (stopping || jvm !== current) return clearInterval(livenessTimer);
      if (pending) return;
      pending = true;
      void probe(jvm, liveness.timeoutMs)
        .catch(() => false)
        .then((ok) => {
          pending = false;
          if (stopping || jvm !== current) return;
          if (ok) {
            if (misses > 0) log.info({ pid: jvm.pid, misses }, "embedded Neo4j answers again");
            misses = 0;
            return;
          }
          misses++;
          log.warn(
            { pid: jvm.pid, misses, of: liveness.failures, timeoutMs: liveness.timeoutMs },
            "embedded Neo4j did not answer its liveness probe",
          );
          if (misses >= liveness.failures) {
            clearInterval(livenessTimer);
            log.error(
              { pid: jvm.pid, misses, intervalMs: liveness.intervalMs },
              "embedded Neo4j is hung (alive but not answering): killing it (SIGKILL) to restart it",
            );
            // SIGKILL ends a stopped process too; its exit restarts it (watch above).
            jvm.kill();
          }
        });
    }, liveness.intervalMs);
    livenessTimer.unref();
  };

  const restart = async () => {
    while (!stopping) {
      const wait = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)] as number;
      failures++;
      await sleep(wait);
      if (stopping) return;
      try {
        const jvm = await start();
        if (stopping) return void (await jvm.stop());
        current = jvm;
        restarts++;
        log.info({ pid: jvm.pid, attempt: failures }, "embedded Neo4j restarted");
        setTimeout(() => {
          if (current === jvm) failures = 0;
        }, STABLE_MS).unref();
        watch(jvm);
        return;
      } catch (err) {
        log.error({ err, attempt: failures }, "restarting embedded Neo4j failed: trying again");
      }
    }
  };

  watch(first);
  return {
    get current() {
      return current;
    },
    get restarts() {
      return restarts;
    },
    stop: async () => {
      stopping = true;
      clearInterval(livenessTimer);
      await current.stop();
    },
    kill: () => {
      stopping = true;
      clearInterval(livenessTimer);
      current.kill();
    },
  };
}
