/**
 * `npm run seed`: validate, link and import seed/ into Neo4j (embedded unless NEO4J_URI). Invalid
 * data writes nothing; a corpus over IMPORT_TX_ROWS rows is written in several transactions.
 */
import path from "node:path";
import { Command } from "commander";
import { loadConfig } from "../config.js";
import { openNeo4j } from "../db/runtime.js";
import { seedGraph } from "../db/seed.js";
import { DataError, formatProblems } from "../ingest/problems.js";
import { log } from "../log.js";
import { printSummary } from "./print-summary.js";
import { runMain } from "./run.js";

const opts = new Command()
  .name("seed")
  .description(
    "Import the article data into Neo4j. Idempotent; invalid data writes nothing. Corpora over IMPORT_TX_ROWS rows are committed in parts; re-run to complete a part-written import.",
  )
  .option("--seed <dir>", "seed folder", "seed")
  .option(
    "--restore-curated",
    "where the graph's value of a curated fact differs from its unchanged file (edited through the API), write the file's value back; by default the edit is kept and reported",
  )
  .parse()
  .opts<{ seed: string; restoreCurated?: boolean }>();

runMain(async () => {
  const cfg = loadConfig();
  const neo4j = await openNeo4j(cfg, log);
  try {
    printSummary(
      await seedGraph(neo4j.driver, path.resolve(opts.seed), cfg.NEO4J_DATABASE, log, {
        txRows: cfg.IMPORT_TX_ROWS,
        writers: cfg.IMPORT_WRITERS,
        restoreCurated: opts.restoreCurated === true,
      }),
    );
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    // Capped: one broken file must not bury the console (validation lists the first 50 and the total).
    for (const line of formatProblems(err.problems)) console.error(line);
    console.error(`\n${err.problems.length} problem(s) in the article data; nothing was written.`);
    process.exitCode = 1;
  } finally {
    await neo4j.close();
  }
});
