/**
 * `npm run eval:extract`: scores the extractor. Leave-one-article-out on the seed corpus (each
 * article drafted without what only it defines); the development set (seed/dev/: real articles
 * used while building the rules); the held-out set (seed/heldout/: real articles never looked at
 * while building them). Prints precision/recall per article, language and overall, and the misses.
 * With --calibrate, measures each relation rule's precision on the seed and development sets
 * (never the held-out one) and writes it as the rule's confidence (src/extract/lexicon/calibration.json).
 */
import { Command } from "commander";
import { writeCalibration } from "../extract/calibration.js";
import { missesReport, ruleTable, scoreTable } from "../extract/evaluate/report.js";
import { type EvalOptions, evaluateDevSet, evaluateLeaveOneOut, type Timing } from "../extract/evaluate/run.js";
import type { ArticleScore } from "../extract/evaluate/score.js";

const opts = new Command()
  .name("eval:extract")
  .description("Score the extractor: leave-one-out on seed/, the development set seed/dev/ and the held-out set seed/heldout/")
  .option("--seed <dir>", "seed folder", "seed")
  .option("--sets <list>", "which sets to score: loo, dev, heldout (comma-separated)", "loo,dev,heldout")
  .option("--misses <n>", "list up to n missed entities and relations per article (0: none)", "15")
  .option("--spurious", "also list entities the drafts invented")
  .option("--rules", "relation precision per rule")
  .option("--calibrate", "measure each relation rule on loo and dev and write the measured confidences")
  .parse()
  .opts<{ seed: string; sets: string; misses: string; spurious?: boolean; rules?: boolean; calibrate?: boolean }>();

const o: EvalOptions = { onArticle: (id) => process.stderr.write(`  scored ${id}\n`), uncalibrated: !!opts.calibrate };
const speed = (t: Timing) =>
  `${t.articles} articles, ${t.characters} characters in ${(t.ms / 1000).toFixed(2)} s (${((t.ms / t.characters) * 2000).toFixed(0)} ms per 2,000 characters)`;

if (opts.calibrate) await calibrate();
else await report();

async function report() {
  const sets = new Set(opts.sets.split(","));
  const limit = Number(opts.misses);
  const runs = [
    ["loo", "leave-one-article-out on the seed articles", () => evaluateLeaveOneOut(opts.seed, o)],
    ["dev", "development set (real articles, used while building the rules)", () => evaluateDevSet(opts.seed, `${opts.seed}/dev`, o)],
    [
      "heldout",
      "held-out set (real articles, never looked at while building the rules)",
      () => evaluateDevSet(opts.seed, `${opts.seed}/heldout`, o),
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
}

async function calibrate() {
  const scores: ArticleScore[] = [
    ...(await evaluateLeaveOneOut(opts.seed, o)).scores,
    ...(await evaluateDevSet(opts.seed, `${opts.seed}/dev`, o)).scores,
  ];
  const counts = new Map<string, { drafted: number; rightPair: number; prior: number }>();
  const sums = new Map<string, number>();
  for (const s of scores)
    for (const [rule, c] of Object.entries(s.relationRules)) {
      const t = counts.get(rule) ?? { drafted: 0, rightPair: 0, prior: 0 };
      t.drafted += c.predicted;
      t.rightPair += c.correct;
      sums.set(rule, (sums.get(rule) ?? 0) + c.confidenceSum);
      counts.set(rule, t);
    }
  for (const [rule, t] of counts) t.prior = (sums.get(rule) ?? 0) / Math.max(1, t.drafted);
  const file = writeCalibration(
    `seed leave-one-out and seed/dev (${scores.length} articles), ${new Date().toISOString().slice(0, 10)}`,
    counts,
  );
  console.log(`calibrated ${counts.size} relation rules on ${scores.length} articles: ${file}`);
}
