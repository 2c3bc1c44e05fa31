import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { connect } from "../src/db/driver.js";
import { startEmbeddedNeo4j } from "../src/db/embedded/embedded-neo4j.js";
import { testEmbeddedOptions } from "./support/embedded.js";
import { alive, until } from "./support/process.js";

const cfg = loadConfig();
const skipEmbedded = Boolean(cfg.NEO4J_URI);

const options = testEmbeddedOptions;

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  return until(`process ${pid} to exit`, ms, async () => (alive(pid) ? undefined : true)).catch(() => false);
}

async function readMarker(uri: string): Promise<string | undefined> {
  const driver = await connect({ uri, user: "neo4j", password: "" });
  try {
    const { records } = await driver.executeQuery("MATCH (m:LifecycleMarker) RETURN m.value AS value");
    return records[0]?.get("value") as string | undefined;
  } finally {
    await driver.close();
  }
}

// These tests start JVMs of their own; with NEO4J_URI the product starts none, so there is nothing to test.
describe.skipIf(skipEmbedded)("embedded Neo4j lifecycle", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "rig-lifecycle-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("starts, answers RETURN 1 on loopback Bolt, keeps data across a restart and leaves no process", async () => {
    const first = await startEmbeddedNeo4j(await options(dataDir));
    expect(first.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    const driver = await connect({ uri: first.uri, user: "neo4j", password: "" });
    const { records } = await driver.executeQuery("RETURN 1 AS one");
    expect(records[0]?.get("one")).toBe(1);
    await driver.executeQuery("CREATE (:LifecycleMarker {value: 'kept'})");
    await driver.close();
    await first.stop();
    expect(alive(first.pid)).toBe(false);

    const second = await startEmbeddedNeo4j(await options(dataDir));
    try {
      expect(await readMarker(second.uri)).toBe("kept");
    } finally {
      await second.stop();
    }
    expect(alive(second.pid)).toBe(false);
  });

  it("refuses a second server on a store in use, with Neo4j's log tail in the error", async () => {
    const running = await startEmbeddedNeo4j(await options(dataDir));
    try {
      const attempt = startEmbeddedNeo4j(await options(dataDir));
      await expect(attempt).rejects.toMatchObject({ code: "NEO4J_START_FAILED" });
      await expect(attempt).rejects.toThrow(/debug\.log[\s\S]*docker compose up[\s\S]*NEO4J_URI/);
    } finally {
      await running.stop();
    }
  });

  it("takes the JVM down when the Node process is killed, and the next start recovers the store", async () => {
    const o = await options(dataDir);
    // A child Node process starts the JVM, reports its pid, then gets SIGKILLed mid-flight.
    const script = `
      import { startEmbeddedNeo4j } from "./src/db/embedded/embedded-neo4j.ts";
      import { log } from "./src/log.ts";
      const db = await startEmbeddedNeo4j({ ...${JSON.stringify({ ...o, log: undefined })}, log });
      console.log("PID " + db.pid);
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: cfg.projectRoot,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const jvmPid = await new Promise<number>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        const m = /PID (\d+)/.exec(chunk.toString());
        if (m) resolve(Number(m[1]));
      });
      child.once("exit", (code) => reject(new Error(`child exited early (${code})`)));
    });
    expect(alive(jvmPid)).toBe(true);
    child.kill("SIGKILL");
    expect(await waitUntilGone(jvmPid, 60_000)).toBe(true);

    const next = await startEmbeddedNeo4j(await options(dataDir));
    try {
      expect(await readMarker(next.uri)).toBe("kept");
    } finally {
      await next.stop();
    }
  });
});
