/**
 * `npm run bench:extract`: extraction speed. Loading cost (gazetteer, jieba, kuromoji, ko-dic),
 * then warm time per article over the seed and dev-set texts (several rounds), normalised to
 * 2,000 characters, and batch throughput in articles per second on one core.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { extractArticle, loadKnowledge } from "../src/extract/index.js";
import { recogniserFor } from "../src/extract/recognise/index.js";
import { summarize } from "./stats.js";

const ROUNDS = Number(process.env.EXTRACT_ROUNDS ?? 20);

async function texts(): Promise<string[]> {
  const dirs = ["seed/articles", "seed/dev/articles"];
  const out: string[] = [];
  for (const dir of dirs)
    for (const f of (await readdir(dir)).filter((n) => n.endsWith(".txt")).sort()) out.push(await readFile(path.join(dir, f), "utf8"));
  return out;
}

const t0 = performance.now();
const knowledge = await loadKnowledge({ seedDir: "seed" });
const gazetteerMs = performance.now() - t0;
const t1 = performance.now();
for (const lang of ["zh-Hans", "ja", "ko", "en"] as const) {
  const sample = lang === "ja" ? "東京大学の山田氏" : "香港";
  (await recogniserFor(lang)).recognise(sample, sample);
}
const modelsMs = performance.now() - t1;
const corpus = await texts();
for (const text of corpus) await extractArticle({ text }, knowledge); // warm every code path

const per2k: number[] = [];
const started = performance.now();
let articles = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const text of corpus) {
    const s = performance.now();
    await extractArticle({ text }, knowledge);
    per2k.push(((performance.now() - s) / text.length) * 2000);
    articles++;
  }
}
const seconds = (performance.now() - started) / 1000;
const chars = corpus.reduce((n, t) => n + t.length, 0);
console.log(
  `loading: gazetteer ${gazetteerMs.toFixed(0)} ms (${knowledge.entityCount} entities, ${knowledge.names.size} name patterns); segmenters ${modelsMs.toFixed(0)} ms`,
);
console.log(`${corpus.length} articles (${chars} characters) x ${ROUNDS} rounds, warm, one core`);
const latency = summarize(per2k);
console.log(
  `per 2,000 characters: p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms, max ${Math.max(...per2k).toFixed(1)} ms`,
);
console.log(`throughput: ${(articles / seconds).toFixed(1)} articles/s (${((chars * ROUNDS) / seconds / 1000).toFixed(0)} k characters/s)`);
