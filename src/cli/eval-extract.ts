/**
 * `npm run eval:extract`: scores the extractor. Leave-one-article-out on the seed corpus (each
 * article drafted without what only it defines), then the development set of real articles in
 * seed/dev/ against their hand-made gold annotations. Prints precision/recall and what was missed.
 */
import { Command } from "commander";
import { missesReport, scoreTable } from "../extract/evaluate/report.js";
import { evaluateDevSet, evaluateLeaveOneOut, type Timing } from "../extract/evaluate/run.js";

const opts = new Command()
  .name("eval:extract")
  .description("Score the extractor: leave-one-out on seed/, and the development set in seed/dev/")
  .option("--seed <dir>", "seed folder", "seed")
  .option("--dev <dir>", "development set folder (articles/ and annotations/)", "seed/dev")
  .option("--misses <n>", "list up to n missed entities and relations per article (0: none)", "15")
  .option("--spurious", "also list entities the drafts invented")
  .parse()
  .opts<{ seed: string; dev: string; misses: string; spurious?: boolean }>();

const progress = (id: string) => process.stderr.write(`  scored ${id}\n`);
const speed = (t: Timing) =>
  `${t.articles} articles, ${t.characters} characters in ${(t.ms / 1000).toFixed(2)} s (${((t.ms / t.characters) * 2000).toFixed(0)} ms per 2,000 characters)`;

const loo = await evaluateLeaveOneOut(opts.seed, progress);
const dev = await evaluateDevSet(opts.seed, opts.dev, progress);
const limit = Number(opts.misses);
console.log(scoreTable("leave-one-article-out on the seed articles", loo.scores));
console.log(`   ${speed(loo.timing)}\n`);
console.log(scoreTable("development set (real articles the extractor was not built on)", dev.scores));
console.log(`   ${speed(dev.timing)}\n`);
console.log(
  "ent = entities (same kind; same id or a shared surface form); rel = relations (the right two entities joined); typed = right type and direction too; quotes = surface forms and quotes found verbatim",
);
if (limit > 0) {
  console.log(`\n${missesReport(loo.scores, limit, !!opts.spurious)}`);
  console.log(`\n${missesReport(dev.scores, limit, !!opts.spurious)}`);
}
