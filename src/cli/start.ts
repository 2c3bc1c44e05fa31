/** `npm start`: Neo4j (embedded unless NEO4J_URI), schema, seed data if the graph is empty, then the API. */

// First: sets NODE_ENV before graphql-js loads (see the file).
import "./production-defaults.js";
import { type RunningApi, startApi } from "../api/app.js";
import { loadConfig } from "../config.js";
import { cypher } from "../db/cypher.js";
import { openNeo4j } from "../db/runtime.js";
import { seedGraph } from "../db/seed.js";
import { log } from "../log.js";
import { buildExplorer } from "../web/build.js";
import { explorerRoute } from "../web/route.js";
import { runMain } from "./run.js";

runMain(async () => {
  const cfg = loadConfig();
  const neo4j = await openNeo4j(cfg, log);
  let api: RunningApi | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    await api?.close();
    await neo4j.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));

  const { records } = await neo4j.driver.executeQuery(cypher("queries/has-articles.cypher"), {}, { database: cfg.NEO4J_DATABASE });
  if (!records[0]?.get("seeded")) {
    log.info("the graph is empty: importing the seed articles");
    const summary = await seedGraph(neo4j.driver, cfg.seedDir, cfg.NEO4J_DATABASE, log, {
      txRows: cfg.IMPORT_TX_ROWS,
      writers: cfg.IMPORT_WRITERS,
    });
    log.info({ nodes: summary.nodes, relationships: summary.relationships }, "seed data imported");
  }
  await buildExplorer();
  api = await startApi({
    driver: neo4j.driver,
    database: cfg.NEO4J_DATABASE,
    host: cfg.HOST,
    port: cfg.PORT,
    jwtSecret: cfg.JWT_SECRET,
    requestTimeoutMs: cfg.REQUEST_TIMEOUT_MS,
    txTimeoutMs: cfg.NEO4J_TX_TIMEOUT_MS,
    development: cfg.NODE_ENV === "development",
    log,
    routes: [explorerRoute],
    seedDir: cfg.seedDir,
  });
  console.log(`\nReady: explorer ${api.url}/  ·  GraphQL ${api.url}/graphql  ·  health ${api.url}/health\n`);
});
