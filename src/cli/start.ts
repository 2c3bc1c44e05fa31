/** `npm start`: Neo4j (embedded unless NEO4J_URI), schema, seed data if the graph is empty, then the API. */

// First: sets NODE_ENV before graphql-js loads (see the file).
import "./production-defaults.js";
import { performance } from "node:perf_hooks";
import { type RunningApi, startApi } from "../api/app.js";
import { warmUp } from "../api/warm-up.js";
import { loadConfig } from "../config.js";
import { cypher } from "../db/cypher.js";
import { isPortFree } from "../db/embedded/port.js";
import { type Neo4jRuntime, openNeo4j } from "../db/runtime.js";
import { seedGraph } from "../db/seed.js";
import { log } from "../log.js";
import { buildExplorer } from "../web/build.js";
import { explorerRoute } from "../web/route.js";
import { CliError, runMain } from "./run.js";

/** Ctrl-C and SIGTERM stop everything within this; what is still running then is killed. */
const STOP_BUDGET_MS = 2_500;

runMain(async () => {
  const startedAt = performance.now();
  const cfg = loadConfig();
  let neo4j: Neo4jRuntime | undefined;
  let opening: Promise<Neo4jRuntime> | undefined;
  let api: RunningApi | undefined;
  let stopping = false;
  // Ends a start still in progress (Maven's download or the JVM starting) when a signal comes.
  const startup = new AbortController();

  // Handled by us from the start (Apollo's own handler is off: it re-raises the signal and the
  // process dies before Neo4j is closed).
  const stop = async (signal: NodeJS.Signals) => {
    // A second signal changes nothing: a Ctrl-C under `npm start` arrives twice (from the terminal
    // and forwarded by npm), and the stop budget below ends everything in time anyway.
    if (stopping) return;
    stopping = true;
    const t0 = performance.now();
    log.info({ signal }, "stopping: API, Neo4j driver, embedded Neo4j");
    const overdue = setTimeout(() => {
      log.warn({ afterMs: STOP_BUDGET_MS }, "Neo4j did not stop in time: killing it (the next start recovers its store)");
      neo4j?.kill();
      console.log(`\nStopped the API and the Neo4j driver, and killed the embedded Neo4j, in ${STOP_BUDGET_MS} ms (${signal}).`);
      process.exit(0);
    }, STOP_BUDGET_MS);
    overdue.unref();
    if (!neo4j && opening) {
      startup.abort();
      await opening.catch(() => undefined);
      console.log(`\nStopped during start-up in ${Math.round(performance.now() - t0)} ms (${signal}).`);
      process.exit(0);
    }
    await api?.close().catch((err: unknown) => log.warn({ err }, "closing the API failed"));
    await neo4j?.close().catch((err: unknown) => log.warn({ err }, "closing Neo4j failed"));
    const ms = Math.round(performance.now() - t0);
    const what = neo4j?.embedded ? "the API, the Neo4j driver and the embedded Neo4j" : "the API and the Neo4j driver";
    console.log(`\nStopped ${what} in ${ms} ms (${signal}).`);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  // The API port is checked before Neo4j starts: a busy one fails in a second, not after the seed.
  if (cfg.PORT !== 0 && !(await isPortFree(cfg.PORT, cfg.HOST))) {
    throw new CliError(
      `Port ${cfg.PORT} on ${cfg.HOST} is already in use (another npm start?): stop what uses it or choose another port with PORT=${cfg.PORT + 1}.`,
    );
  }

  opening = openNeo4j(cfg, log, startup.signal);
  try {
    neo4j = await opening;
  } catch (err) {
    // Stopped while starting: stop() reports it and exits.
    if (stopping) return;
    throw err;
  }
  if (stopping) return;
  // A failure caused by stopping midway (the driver closed under the seed import) is no failure.
  try {
    const rt = neo4j;
    const { records } = await rt.driver.executeQuery(cypher("queries/has-articles.cypher"), {}, { database: cfg.NEO4J_DATABASE });
    if (!records[0]?.get("seeded")) {
      log.info("the graph is empty: importing the seed articles");
      const summary = await seedGraph(rt.driver, cfg.seedDir, cfg.NEO4J_DATABASE, log, {
        txRows: cfg.IMPORT_TX_ROWS,
        writers: cfg.IMPORT_WRITERS,
      });
      log.info({ nodes: summary.nodes, relationships: summary.relationships }, "seed data imported");
    }
    await buildExplorer();
    if (stopping) return;
    api = await startApi({
      driver: rt.driver,
      database: cfg.NEO4J_DATABASE,
      host: cfg.HOST,
      port: cfg.PORT,
      jwtSecret: cfg.JWT_SECRET,
      jwt: { maxLifetimeS: cfg.JWT_MAX_LIFETIME, issuer: cfg.JWT_ISSUER, audience: cfg.JWT_AUDIENCE },
      requestTimeoutMs: cfg.REQUEST_TIMEOUT_MS,
      txTimeoutMs: cfg.NEO4J_TX_TIMEOUT_MS,
      corsOrigins: cfg.CORS_ORIGINS,
      allowedHosts: cfg.ALLOWED_HOSTS,
      development: cfg.NODE_ENV === "development",
      log,
      routes: [explorerRoute],
      seedDir: cfg.seedDir,
    });
    // The first analyst's queries are as fast as later ones: every query planned once before "Ready".
    await warmUp(api.url, log);
    if (stopping) return;
    const u = api.url;
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    console.log(
      `\nReady: explorer ${u}/\n       GraphQL  ${u}/graphql\n       GraphiQL ${u}/graphiql\n       health   ${u}/health\n` +
        `Started in ${seconds} s; Ctrl-C stops everything.\n`,
    );
  } catch (err) {
    if (!stopping) throw err;
  }
});
