/**
 * `npm run bench [-- --quick] [--sizes seed,S,M,L] [--runs 200] [--load-seconds 10]`
 * Import throughput (ours vs best raw batched vs naive), analyst and generated query latency
 * (GraphQL over HTTP vs raw Cypher, same run), HTTP load at 1/16/64 clients, memory. Prints tables
 * and writes bench/results/bench-<time>.json. Uses the embedded Neo4j in a fresh store, or NEO4J_URI
 * (whose database it wipes).
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import type { Driver } from "neo4j-driver";
import { loadConfig } from "../src/config.js";
import { connect } from "../src/db/driver.js";
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from "../src/db/embedded/embedded-neo4j.js";
import { applySchema } from "../src/db/schema.js";
import { graphCounts } from "../src/db/seed.js";
import { seedPaths } from "../src/ingest/load.js";
import { prepareImport } from "../src/ingest/prepare.js";
import { log } from "../src/log.js";
import { startApiProcess } from "./api-process.js";
import { generateCorpus } from "./generate/corpus.js";
import { importBestRaw, importNaive, importOurs } from "./import-throughput.js";
import { measureLatency } from "./latency.js";
import { measureLoad } from "./load.js";
import { neo4jHeapMb, rssMb } from "./memory.js";
import { pickCaseIds } from "./pick-ids.js";
import { queryCases } from "./query-cases.js";
import { round } from "./stats.js";

const SIZES: Record<string, number> = { S: 10_000, M: 100_000, L: 1_000_000 };

const opts = new Command()
  .option("--quick", "seed graph and S only, short runs")
  .option("--sizes <list>", "comma-separated: seed,S,M,L", "seed,S,M,L")
  .option("--runs <n>", "measured runs per query", "200")
  .option("--load-seconds <n>", "seconds per load level", "10")
  .option("--naive-sample <n>", "relations imported the naive way", "2000")
  .parse()
  .opts<{ quick?: boolean; sizes: string; runs: string; loadSeconds: string; naiveSample: string }>();
const sizes = opts.quick ? ["seed", "S"] : opts.sizes.split(",");
const runs = opts.quick ? 50 : Number(opts.runs);
const loadSeconds = opts.quick ? 3 : Number(opts.loadSeconds);

const cfg = loadConfig();
const database = cfg.NEO4J_DATABASE;
const work = await mkdtemp(path.join(os.tmpdir(), "rig-bench-"));
let embedded: EmbeddedNeo4j | undefined;
let uri = cfg.NEO4J_URI;
if (!uri) {
  embedded = await startEmbeddedNeo4j({
    dataDir: path.join(work, "data"),
    boltPort: 7690,
    launcherDir: path.join(cfg.projectRoot, "embedded"),
    java: cfg.JAVA,
    maven: cfg.MAVEN,
    heap: process.env.BENCH_NEO4J_HEAP ?? "8g",
    pagecache: process.env.BENCH_NEO4J_PAGECACHE ?? "2g",
    startTimeoutMs: cfg.NEO4J_START_TIMEOUT_MS,
    log,
  });
  uri = embedded.uri;
}
const driver = await connect({ uri, user: cfg.NEO4J_USER, password: cfg.NEO4J_PASSWORD });
await applySchema(driver, database, log);

const results: Record<string, unknown>[] = [];
try {
  for (const size of sizes) results.push(await benchSize(size));
} finally {
  await driver.close();
  await embedded?.stop();
  await rm(work, { recursive: true, force: true });
}
await mkdir(path.join(cfg.projectRoot, "bench", "results"), { recursive: true });
const out = path.join(cfg.projectRoot, "bench", "results", `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
await writeFile(out, JSON.stringify({ machine: machine(), sizes: results }, null, 2));
console.log(`\nwrote ${path.relative(cfg.projectRoot, out)}`);

async function benchSize(size: string): Promise<Record<string, unknown>> {
  console.log(`\n=== ${size}`);
  const seedDir = size === "seed" ? path.join(cfg.projectRoot, "seed") : path.join(work, `corpus-${size}`);
  if (size !== "seed") {
    const t = performance.now();
    const made = await generateCorpus({ relations: SIZES[size] as number, seed: 42, dir: seedDir });
    console.log(
      `generated ${made.articles} articles, ${made.entities} entities, ${made.relations} relations in ${round((performance.now() - t) / 1000)} s`,
    );
  }
  const t = performance.now();
  const plan = await prepareImport(seedPaths(seedDir));
  const prepareSeconds = round((performance.now() - t) / 1000);
  console.log(`validated and linked in ${prepareSeconds} s`);

  const imports = [];
  await reset(driver);
  imports.push(await importBestRaw(driver, plan, database));
  await reset(driver);
  imports.push(await importNaive(driver, plan, database, Number(opts.naiveSample)));
  await reset(driver);
  const ours = await importOurs(driver, plan, database, log);
  imports.unshift(ours);
  const again = performance.now();
  const second = await importOurs(driver, plan, database, log);
  imports.push({ ...second, method: "ours, second run (no changes)", seconds: round((performance.now() - again) / 1000) });
  console.table(imports);
  const best = imports.find((r) => r.method.startsWith("best"));
  const naive = imports.find((r) => r.method.startsWith("naive"));

  const counts = await graphCounts(driver, database);
  const api = await startApiProcess(uri as string, database);
  try {
    const ids = await pickCaseIds(driver, database);
    const latency = await measureLatency(api.url, driver, database, queryCases(ids), size === "seed" ? runs * 2 : runs);
    console.log("HTTP round trip alone ({ __typename }), ms:", roundRow({ ...latency.httpFloor }));
    console.table(
      latency.rows
        .map((r) => ({
          query: r.query,
          "raw p50": r.raw.p50,
          "raw p95": r.raw.p95,
          "raw p99": r.raw.p99,
          "gql p50": r.graphql.p50,
          "gql p95": r.graphql.p95,
          "gql p99": r.graphql.p99,
          "p95 ratio": r.ratioP95,
          "p95 added ms": r.addedP95,
        }))
        .map(roundRow),
    );
    const body = { query: "query ($t: String!) { search(text: $t, limit: 20) { id kind name } }", variables: { t: ids.searchText } };
    const load = [];
    for (const c of [1, 16, 64]) load.push(await measureLoad(api.url, body, c, loadSeconds));
    console.table(load);
    const memory = { apiProcessRssMb: api.rssMb(), benchProcessRssMb: rssMb(), neo4jHeapUsedMb: await neo4jHeapMb(driver, database) };
    console.log(memory);
    return {
      size,
      prepareSeconds,
      counts,
      imports,
      oursVsBest: best ? round(best.seconds / ours.seconds) : undefined,
      oursVsNaive: naive ? round(ours.relationshipsPerSecond / naive.relationshipsPerSecond) : undefined,
      latency,
      load,
      memory,
      ids,
    };
  } finally {
    await api.stop();
  }
}

async function reset(d: Driver) {
  const session = d.session({ database });
  try {
    await session.run("MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  } finally {
    await session.close();
  }
}

function roundRow(r: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? round(v) : v]));
}

function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}
