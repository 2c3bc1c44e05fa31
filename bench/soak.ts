/**
 * `npm run soak [-- --minutes 10] [--clients 64] [--fault-every 60] [--faults kill-9,pause,hang] [--sample-every 30]`
 *
 * The product as `npm start` runs it (own process, embedded Neo4j under its supervisor, seeded
 * store in a temporary directory) under `clients` clients sending mixed analyst and generated-API
 * reads for `minutes`, with a fault injected into the JVM every `fault-every` seconds, in turn:
 * kill-9 (SIGKILL), pause (SIGSTOP for `pause-seconds`, then SIGCONT), hang (SIGSTOP, never resumed:
 * the supervisor's liveness probe must kill and restart it). Reports answers by outcome and by HTTP
 * status and code, latency p50/p99, hung requests, each fault's recovery, and the resident memory of
 * the API process and of the JVM every `sample-every` seconds with a verdict on flatness. Writes
 * bench/results/soak-<time>.json; exits 1 when a verdict fails.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { loadConfig } from "../src/config.js";
import { connect } from "../src/db/driver.js";
import { graphCounts } from "../src/db/seed.js";
import {
  baselineAnswers,
  type FaultKind,
  type FaultResult,
  injectFault,
  LoadRun,
  mixedCases,
  rssMbOf,
  startProductServer,
  summarizeSamples,
} from "./fault-load.js";
import { pickCaseIds } from "./pick-ids.js";

const opts = new Command()
  .option("--minutes <n>", "how long the load runs", "10")
  .option("--clients <n>", "concurrent clients", "64")
  .option("--fault-every <s>", "seconds between faults (a fault waits for the previous recovery)", "60")
  .option("--faults <list>", "faults injected in turn: kill-9, pause, hang", "kill-9,pause,hang")
  .option("--pause-seconds <s>", "how long a pause lasts before SIGCONT", "5")
  .option("--sample-every <s>", "seconds between memory samples", "30")
  .parse()
  .opts<{ minutes: string; clients: string; faultEvery: string; faults: string; pauseSeconds: string; sampleEvery: string }>();

const cfg = loadConfig();
const durationMs = Number(opts.minutes) * 60_000;
const faultKinds = opts.faults.split(",").map((f) => f.trim()) as FaultKind[];
for (const f of faultKinds) if (!["kill-9", "pause", "hang"].includes(f)) throw new Error(`unknown fault ${f}`);
// The server's own defaults: transaction timeout 15 s, request deadline 5 s later.
const deadlineMs = cfg.NEO4J_TX_TIMEOUT_MS + 5_000;
const t0 = performance.now();
const say = (line: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const work = await mkdtemp(path.join(os.tmpdir(), "rig-soak-"));
const boltPort = await freePort();
say(`starting the server (store in ${work}, Bolt on ${boltPort})`);
const server = await startProductServer({ dataDir: path.join(work, "data"), boltPort });
let exitCode = 0;
try {
  const driver = await connect({ uri: `bolt://127.0.0.1:${boltPort}`, user: "neo4j", password: "" });
  const cases = mixedCases(await pickCaseIds(driver, cfg.NEO4J_DATABASE));
  const baseline = await baselineAnswers(server.url, cases);
  const countsBefore = await graphCounts(driver, cfg.NEO4J_DATABASE);
  say(`server ${server.url} (pid ${server.pid}, JVM ${server.jvmPid()}); ${cases.length} cases: ${cases.map((c) => c.name).join(", ")}`);

  const memory: Array<{ s: number; apiRssMb?: number; jvmRssMb?: number; jvmPid?: number; requests: number }> = [];
  const load = new LoadRun(server.url, cases, baseline, {
    clients: Number(opts.clients),
    fastFailMs: 5_000,
    deadlineMs,
    hungMs: deadlineMs + 10_000,
    backoffMs: 100,
  });
  const sampleMemory = () => {
    const jvmPid = server.jvmPid();
    const m = {
      s: Math.round((performance.now() - load.startedAt) / 1000),
      apiRssMb: rssMbOf(server.pid),
      jvmRssMb: rssMbOf(jvmPid),
      jvmPid,
      requests: load.samples.length,
    };
    memory.push(m);
    say(`memory: API ${m.apiRssMb} MB, JVM ${m.jvmRssMb} MB (pid ${jvmPid}); ${m.requests} requests so far`);
  };
  sampleMemory();
  const sampler = setInterval(sampleMemory, Number(opts.sampleEvery) * 1000);

  const faults: FaultResult[] = [];
  const end = load.startedAt + durationMs;
  for (let k = 1; ; k++) {
    const next = load.startedAt + k * Number(opts.faultEvery) * 1000;
    // Room for the fault and its recovery before the end, so the run ends on a healthy service.
    if (next + 45_000 > end) break;
    await sleepUntil(next);
    const kind = faultKinds[(k - 1) % faultKinds.length] as FaultKind;
    faults.push(await injectFault(server, load, kind, { pauseMs: Number(opts.pauseSeconds) * 1000, giveUpMs: 120_000, progress: say }));
  }
  // At least 30 s of load after the last recovery (a hang takes up to a minute to recover), so the
  // run ends having shown the service answering again.
  const recovered = lastRecovery(faults.at(-1));
  await sleepUntil(Math.max(end, recovered + 30_000));
  clearInterval(sampler);
  sampleMemory();
  const samples = await load.stop();
  const countsAfter = await graphCounts(driver, cfg.NEO4J_DATABASE);
  await driver.close();

  const summary = summarizeSamples(samples);
  const steadyFrom = recovered + 1_000;
  const afterLast = summarizeSamples(samples.filter((s) => s.at >= steadyFrom));
  const verdicts = {
    "0 wrong answers": (summary.outcomes.wrong ?? 0) === 0,
    "0 hung requests": (summary.outcomes.hung ?? 0) === 0,
    "every failure a fast 503 or a TIMEOUT by the deadline": ["slow-failure", "other-error", "network"].every(
      (o) => (summary.outcomes[o] ?? 0) === 0,
    ),
    "service back within 30 s of Neo4j, after every fault": faults.every((f) => f.serviceBackMs !== undefined && f.serviceBackMs <= 30_000),
    // Failures after it are only load shedding (fast 503s), counted by the verdicts above.
    "correct answers after the last recovery": (afterLast.outcomes.ok ?? 0) > 0,
    "store intact (counts unchanged)": JSON.stringify(countsBefore) === JSON.stringify(countsAfter),
    "API memory flat": flat(memory.map((m) => m.apiRssMb)).flat,
    "JVM memory flat": flat(memory.map((m) => m.jvmRssMb)).flat,
  };

  console.log("\nAnswers by outcome:");
  console.table(summary.outcomes);
  console.log("Answers by HTTP status and code:");
  console.table(summary.codes);
  console.log("Latency, ms:");
  console.table({ all: summary.ms, correct: summary.okMs, failed: summary.failedMs });
  console.log("Faults:");
  console.table(
    faults.map((f) => ({
      kind: f.kind,
      "at s": Math.round((f.at - load.startedAt) / 1000),
      "old JVM": f.oldPid,
      "new JVM": f.newPid,
      "Neo4j back after ms": f.neo4jBackMs === undefined ? "never" : Math.round(f.neo4jBackMs),
      "API correct after ms more": f.serviceBackMs === undefined ? "never" : Math.round(f.serviceBackMs),
    })),
  );
  console.log("Memory (resident, MB):");
  console.table(memory);
  console.log("API RSS:", flat(memory.map((m) => m.apiRssMb)), "JVM RSS:", flat(memory.map((m) => m.jvmRssMb)));
  console.log("Verdicts:");
  console.table(Object.entries(verdicts).map(([what, ok]) => ({ what, ok })));
  if (Object.values(verdicts).some((ok) => !ok)) exitCode = 1;

  await mkdir(path.join(cfg.projectRoot, "bench", "results"), { recursive: true });
  const out = path.join(cfg.projectRoot, "bench", "results", `soak-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  await writeFile(
    out,
    JSON.stringify(
      {
        options: opts,
        machine: {
          cpus: os.cpus().length,
          loadAverage: os.loadavg(),
          memoryGb: Math.round(os.totalmem() / 2 ** 30),
          node: process.version,
        },
        summary,
        afterLastRecovery: afterLast,
        faults: faults.map((f) => ({ ...f, at: Math.round(f.at - load.startedAt) })),
        memory,
        verdicts,
        counts: countsAfter,
      },
      null,
      1,
    ),
  );
  say(`wrote ${path.relative(cfg.projectRoot, out)}`);
} catch (err) {
  console.error(err);
  console.error(server.logTail().slice(-30).join("\n"));
  exitCode = 1;
} finally {
  await server.stop();
  await rm(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 500 });
}
process.exit(exitCode);

/**
 * Flat: the median of the last third of the samples is at most 10% (and at least 32 MB of slack)
 * above the median of the middle third; the first third is warm-up.
 */
function flat(values: Array<number | undefined>) {
  const xs = values.filter((v): v is number => v !== undefined);
  const third = Math.floor(xs.length / 3);
  if (third < 1) return { flat: true, note: "too few samples" };
  const median = (ys: number[]) => [...ys].sort((a, b) => a - b)[Math.floor(ys.length / 2)] as number;
  const middle = median(xs.slice(third, 2 * third));
  const last = median(xs.slice(2 * third));
  return {
    flat: last - middle <= Math.max(32, middle * 0.1),
    middleMedianMb: middle,
    lastMedianMb: last,
    minMb: Math.min(...xs),
    maxMb: Math.max(...xs),
  };
}

function lastRecovery(f: FaultResult | undefined): number {
  return f ? f.at + (f.neo4jBackMs ?? 0) + (f.serviceBackMs ?? 0) : 0;
}

function sleepUntil(t: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, t - performance.now())));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}
