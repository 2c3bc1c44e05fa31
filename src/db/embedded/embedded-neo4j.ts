import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Logger } from "../../log.js";
import { ensureLauncher } from "./launcher-build.js";
import { isPortFree } from "./port.js";
import { checkJava, checkMaven } from "./requirements.js";
import { StartupError } from "./startup-error.js";

export interface EmbeddedOptions {
  /** Store, logs and transaction logs live under `<dataDir>/neo4j`. */
  dataDir: string;
  boltPort: number;
  /** The Maven project of the Java launcher (embedded/ in the repository). */
  launcherDir: string;
  java: string;
  maven: string;
  heap: string;
  pagecache: string;
  startTimeoutMs: number;
  log: Logger;
  /** Aborting it ends a start in progress: Maven or the starting JVM gets SIGTERM. */
  signal?: AbortSignal;
}

export interface EmbeddedNeo4j {
  uri: string;
  pid: number;
  /** Stops Neo4j cleanly (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
  /** SIGKILL, for when stopping takes too long. */
  kill(): void;
  /** Settles when the JVM exits, for whatever reason (the supervisor restarts it if unexpected). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts Neo4j Community in a child JVM with Bolt on 127.0.0.1:boltPort.
 * The JVM exits by itself when this process dies: it watches its standard input, a pipe we hold.
 */
export async function startEmbeddedNeo4j(o: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  checkJava(o.java);
  checkMaven(o.maven);
  if (!(await isPortFree(o.boltPort))) {
    throw new StartupError(
      "PORT_IN_USE",
      `Port ${o.boltPort} on 127.0.0.1 is already in use, so the embedded Neo4j cannot listen for Bolt there.`,
      `If \`npm start\` is running, use its Neo4j: NEO4J_URI=bolt://127.0.0.1:${o.boltPort}. Otherwise stop whatever uses the port or choose another with BOLT_PORT=7688.`,
    );
  }
  const launcher = await ensureLauncher(o.launcherDir, o.maven, o.log, o.signal);
  const home = path.join(o.dataDir, "neo4j");
  await mkdir(home, { recursive: true });

  const args = [
    `-Xmx${o.heap}`,
    "-XX:+ExitOnOutOfMemoryError",
    "-cp",
    launcher.classpath,
    "graph.embedded.EmbeddedNeo4j",
    ...["--home", home, "--port", String(o.boltPort), "--plugins", launcher.pluginsDir, "--pagecache", o.pagecache],
  ];
  o.log.info({ home, boltPort: o.boltPort }, "starting embedded Neo4j");
  const child = spawn(o.java, args, { stdio: ["pipe", "pipe", "pipe"], signal: o.signal });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const uri = await waitForReady(child, home, o);
  o.log.info({ uri, pid: child.pid }, "embedded Neo4j is ready");
  return { uri, pid: child.pid as number, stop: () => stopChild(child, o.log), kill: () => child.kill("SIGKILL"), exited };
}

function waitForReady(child: ChildProcess, home: string, o: EmbeddedOptions): Promise<string> {
  const stderrTail: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      void fail(`Neo4j did not become ready within ${o.startTimeoutMs} ms.`);
    }, o.startTimeoutMs);
    const fail = async (message: string) => {
      clearTimeout(timer);
      const logTail = await tailOf(path.join(home, "logs", "debug.log"), 30);
      reject(
        new StartupError(
          "NEO4J_START_FAILED",
          message,
          `Last lines of the JVM output:\n${stderrTail.slice(-15).join("\n") || "(none)"}\nLast lines of ${path.join(home, "logs", "debug.log")}:\n${logTail}`,
        ),
      );
    };
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
      const ready = /^NEO4J_READY (\S+)/.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1] as string);
      } else o.log.debug({ jvm: line }, "neo4j stdout");
    });
    createInterface({ input: child.stderr as NodeJS.ReadableStream }).on("line", (line) => {
      stderrTail.push(line);
      if (stderrTail.length > 200) stderrTail.shift();
    });
    child.once("error", (err) => {
      const message = `The JVM could not be started: ${err.message}`;
      // Aborted (o.signal): the JVM got SIGTERM; settle once it is gone, so nothing is left behind.
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) void fail(message);
      else child.once("exit", () => void fail(message));
    });
    child.once("exit", (code, signal) => void fail(`Neo4j exited during start-up (code ${code}, signal ${signal}).`));
  });
}

async function stopChild(child: ChildProcess, log: Logger): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const grace = setTimeout(() => {
    log.warn({ pid: child.pid }, "Neo4j did not stop within 30 s; killing it");
    child.kill("SIGKILL");
  }, 30_000);
  await exited;
  clearTimeout(grace);
  log.info({ pid: child.pid }, "embedded Neo4j stopped");
}

async function tailOf(file: string, lines: number): Promise<string> {
  if (!existsSync(file)) return "(no log written)";
  const text = await readFile(file, "utf8");
  return text
    .split("\n")
    .slice(-lines - 1)
    .join("\n");
}
