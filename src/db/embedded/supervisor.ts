import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "../../log.js";
import type { EmbeddedNeo4j } from "./embedded-neo4j.js";

/** Waits before each restart attempt: quick at first, then no faster than every 30 s. */
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/** Up this long, a restarted JVM counts as recovered: the next failure starts the backoff again. */
const STABLE_MS = 60_000;

export interface EmbeddedSupervisor {
  /** The JVM running now (a new one after each restart). */
  readonly current: EmbeddedNeo4j;
  /** Stops the JVM and any restart in progress. */
  stop(): Promise<void>;
  kill(): void;
}

/**
 * Watches the embedded JVM: when it exits without being asked to (killed, crashed, out of
 * memory), it is started again on the same port and store, with backoff, until it runs. The
 * driver reconnects by itself (same URI), so the API serves again without a restart; meanwhile
 * requests fail fast with SERVICE_UNAVAILABLE.
 */
export function superviseEmbedded(first: EmbeddedNeo4j, start: () => Promise<EmbeddedNeo4j>, log: Logger): EmbeddedSupervisor {
  let current = first;
  let stopping = false;
  let failures = 0;

  const watch = (jvm: EmbeddedNeo4j) => {
    void jvm.exited.then(({ code, signal }) => {
      if (stopping || jvm !== current) return;
      log.error({ pid: jvm.pid, code, signal }, "embedded Neo4j exited unexpectedly: restarting it");
      void restart();
    });
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
    stop: async () => {
      stopping = true;
      await current.stop();
    },
    kill: () => {
      stopping = true;
      current.kill();
    },
  };
}
