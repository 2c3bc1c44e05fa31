/**
 * `npm run eval:extract`: scores the extractor. Leave-one-article-out on the seed corpus (each
 * article drafted without what only it defines); the development set (seed/dev/: real articles
 * used while building the rules); the held-out set (seed/heldout/: real articles never looked at
 * while building them). Prints precision/recall per article, language and overall, and the misses.
 */
import { Command } from "commander";
import { missesReport, ruleTable, scoreTable } from "../extract/evaluate/report.js";
import { evaluateDevSet, evaluateLeaveOneOut, type Timing } from "../extract/evaluate/run.js";

const opts = new Command()
  .name("eval:extract")
  .description("Score the extractor: leave-one-out on seed/, the development set seed/dev/ and the held-out set seed/heldout/")
  .option("--seed <dir>", "seed folder", "seed")
  .option("--sets <list>", "which sets to score: loo, dev, heldout (comma-separated)", "loo,dev,heldout")
  .option("--misses <n>", "list up to n missed entities and relations per article (0: none)", "15")
  .option("--spurious", "also list entities the drafts invented")
  .option("--rules", "relation precision per rule")
  .parse()
  .opts<{ seed: string; sets: string; misses: string; spurious?: boolean; rules?: boolean }>();

const sets = new Set(opts.sets.split(","));
const progress = (id: string) => process.stderr.write(`  scored ${id}\n`);
const speed = (t: Timing) =>
  `${t.articles} articles, ${t.characters} characters in ${(t.ms / 1000).toFixed(2)} s (${((t.ms / t.characters) * 2000).toFixed(0)} ms per 2,000 characters)`;
const limit = Number(opts.misses);
const runs = [
  ["loo", "leave-one-article-out on the seed articles", () => evaluateLeaveOneOut(opts.seed, progress)],
  ["dev", "development set (real articles, used while building the rules)", () => evaluateDevSet(opts.seed, `${opts.seed}/dev`, progress)],
  [
    "heldout",
    "held-out set (real articles, never looked at while building the rules)",
    () => evaluateDevSet(opts.seed, `${opts.seed}/heldout`, progress),
  ],
] as const;

const misses: string[] = [];
for (const [name, title, run] of runs) {
  if (!sets.has(name)) continue;
  const { scores, timing } = await run();
  console.log(scoreTable(title, scores));
  console.log(`   ${speed(timing)}\n`);
  if (opts.rules) console.log(`${ruleTable(scores)}\n`);
  if (limit > 0) misses.push(missesReport(scores, limit, !!opts.spurious));
}
console.log(
  "ent = entities (same kind; same id or a shared surface form); rel = relations (the right two entities joined); typed = right type and direction too; quotes = surface forms and quotes found verbatim",
);
for (const m of misses) console.log(`\n${m}`);
