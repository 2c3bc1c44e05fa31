/** `npm run validate`: checks the article data without touching a database. */
import path from "node:path";
import { Command } from "commander";
import { seedPaths } from "../ingest/load.js";
import { prepareImport } from "../ingest/prepare.js";
import { DataError, formatProblems } from "../ingest/problems.js";

const program = new Command()
  .name("validate")
  .description("Validate and link seed/ article data; prints counts or every problem found")
  .option("--seed <dir>", "seed folder", "seed")
  .parse();

try {
  const plan = await prepareImport(seedPaths(path.resolve(program.opts<{ seed: string }>().seed)));
  const byType = new Map<string, number>();
  for (const r of plan.relations) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
  const byKind = new Map<string, number>();
  for (const e of plan.entities) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
  console.log(
    `ok: ${plan.articles.length} articles, ${plan.entities.length} entities, ${plan.relations.length} relations, ${plan.measures.length} measures`,
  );
  console.log("entities:", Object.fromEntries(byKind));
  console.log("relations:", Object.fromEntries(byType));
} catch (err) {
  if (!(err instanceof DataError)) throw err;
  for (const line of formatProblems(err.problems)) console.error(line);
  console.error(`${err.problems.length} problem(s)`);
  process.exitCode = 1;
}
