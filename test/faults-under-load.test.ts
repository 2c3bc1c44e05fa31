import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  baselineAnswers,
  type FaultResult,
  injectFault,
  type LoadCase,
  LoadRun,
  mixedCases,
  type ProductServer,
  startProductServer,
  summarizeSamples,
} from "../bench/fault-load.js";
import { pickCaseIds } from "../bench/pick-ids.js";
import { loadConfig } from "../src/config.js";
import { connect } from "../src/db/driver.js";
import { graphCounts } from "../src/db/seed.js";
import { freePort } from "./support/free-port.js";
import { alive } from "./support/process.js";

// The product as `npm start` runs it (its own process, embedded Neo4j under the supervisor, seeded
// store), 64 clients sending mixed analyst and generated-API reads, and the JVM killed (kill -9)
// and then paused (SIGSTOP for 5 s, then SIGCONT) under them (a JVM hung for good is restarted by
// the supervisor: test/neo4j-outage.test.ts, and under load in the soak, bench/soak.ts). Every 200 must be the answer from before the
// faults, every failure a fast 503 or a 504 by the deadline, nothing hung, and the service back by
// itself within 30 s of Neo4j being back.
const cfg = loadConfig();
const TX_TIMEOUT_MS = 15_000; // the default: some analyst queries take seconds on a busy 2-core machine
const DEADLINE_MS = TX_TIMEOUT_MS + 5_000; // the server's request deadline (src/api/app.ts)

describe.skipIf(Boolean(cfg.NEO4J_URI))("faults under 64-client load", () => {
  let dataDir: string;
  let server: ProductServer;
  let driver: Driver;
  let cases: LoadCase[];
  let baseline: Map<string, string>;
  let before: Awaited<ReturnType<typeof graphCounts>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "rig-faults-"));
    const boltPort = await freePort();
    server = await startProductServer({
      dataDir,
      boltPort,
      env: {
        NEO4J_HEAP: "512m",
        NEO4J_PAGECACHE: "64m",
        NEO4J_TX_TIMEOUT_MS: String(TX_TIMEOUT_MS),
        // The default liveness bound (3 probes 5 s apart) outlasts the 5 s pause: it is a pause, not a hang.
      },
    });
    driver = await connect({ uri: `bolt://127.0.0.1:${boltPort}`, user: "neo4j", password: "" });
    cases = mixedCases(await pickCaseIds(driver, cfg.NEO4J_DATABASE));
    baseline = await baselineAnswers(server.url, cases);
    before = await graphCounts(driver, cfg.NEO4J_DATABASE);
  });

  afterAll(async () => {
    await driver?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 500 });
  });

  it("kill -9 and SIGSTOP of the JVM: 0 wrong answers, only 503s or TIMEOUTs by the deadline, none hung, back within 30 s", async () => {
    const load = new LoadRun(server.url, cases, baseline, {
      clients: 64,
      fastFailMs: 5_000,
      deadlineMs: DEADLINE_MS,
      hungMs: DEADLINE_MS + 5_000,
      backoffMs: 100,
    });
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const faults: FaultResult[] = [];
    let samples: Awaited<ReturnType<LoadRun["stop"]>>;
    let steadyFrom = 0;
    try {
      await pause(3_000);
      faults.push(await injectFault(server, load, "kill-9", { giveUpMs: 60_000, progress: console.log }));
      await pause(2_000);
      faults.push(await injectFault(server, load, "pause", { pauseMs: 5_000, giveUpMs: 60_000, progress: console.log }));
      // Then the load goes on until 10 more correct answers came (at most 30 s): it keeps answering.
      steadyFrom = performance.now();
      const until = steadyFrom + 30_000;
      while (load.since(steadyFrom).filter((s) => s.outcome === "ok").length < 10 && performance.now() < until) await pause(250);
    } finally {
      samples = await load.stop();
    }
    const summary = summarizeSamples(samples);
    const faultsMs = faults.map((f) => ({
      kind: f.kind,
      neo4jBackMs: Math.round(f.neo4jBackMs ?? -1),
      serviceBackMs: Math.round(f.serviceBackMs ?? -1),
    }));
    console.log(JSON.stringify({ summary, faults: faultsMs }, null, 1));

    expect(summary.outcomes.ok).toBeGreaterThan(50);
    expect(summary.outcomes.unavailable ?? 0).toBeGreaterThan(0); // the faults were felt
    for (const bad of ["wrong", "hung", "slow-failure", "other-error", "network"])
      expect({ [bad]: summary.outcomes[bad] ?? 0 }).toEqual({ [bad]: 0 });
    for (const f of faults) {
      expect(f.newPid, `${f.kind}: Neo4j back`).toBeDefined();
      if (f.kind === "kill-9") expect(f.newPid).not.toBe(f.oldPid);
      expect(f.serviceBackMs, `${f.kind}: service back`).toBeLessThanOrEqual(30_000);
    }
    // After the last recovery, correct answers keep coming (failures there are only the fast
    // 503s of operations that found no turn, counted above).
    const after = samples.filter((s) => s.at >= steadyFrom);
    expect(after.filter((s) => s.outcome === "ok").length).toBeGreaterThanOrEqual(10);
    // The API was never restarted, and the store is intact.
    expect(alive(server.pid)).toBe(true);
    expect(await graphCounts(driver, cfg.NEO4J_DATABASE)).toEqual(before);
  }, 240_000);
});
