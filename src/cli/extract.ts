/**
 * `npm run extract -- <article.txt|dir/|-> [--lang auto|zh-Hans|zh-Hant|ja|ko|en] [--out file|dir/]`:
 * drafts an annotation (seed/annotations format, every fact `draft: true`) from a raw article.
 * A folder is a batch: every .txt/.html in it, one draft each, with a progress bar.
 */
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { SingleBar } from "cli-progress";
import { Command, InvalidArgumentError, Option } from "commander";
import { DEFAULT_MIN_CONFIDENCE, type ExtractResult, extractArticle, type Knowledge, loadKnowledge } from "../extract/index.js";
import { decodeArticle, ExtractInputError } from "../extract/input.js";
import { runMain } from "./run.js";

const opts = new Command()
  .name("extract")
  .description("Draft an annotation from a raw article (UTF-8 text or HTML, at most 1 MB); a folder drafts every .txt/.html in it")
  .argument("<input>", "article file, folder, or - for standard input")
  .addOption(new Option("--lang <lang>", "language of the text").choices(["auto", "zh-Hans", "zh-Hant", "ja", "ko", "en"]).default("auto"))
  .option("--out <path>", "write the draft to this file (a folder for a batch) instead of standard output")
  .option("--seed <dir>", "seed folder whose catalogue and annotations are the gazetteer", "seed")
  .option("--article-id <id>", "article id for the draft (default: article- plus a content hash)")
  .addOption(
    new Option("--min-confidence <p>", "leave out relations whose rule is measured right less often than this (0 keeps all)")
      .default(DEFAULT_MIN_CONFIDENCE)
      .argParser(probability),
  )
  .parse();
const input = opts.args[0] as string;
const o = opts.opts<{ lang: string; out?: string; seed: string; articleId?: string; minConfidence: number }>();

runMain(async () => {
  const isDir = input !== "-" && (await stat(input).catch(() => undefined))?.isDirectory();
  const knowledge = await loadKnowledge({ seedDir: o.seed });
  if (isDir) return batch(input, knowledge);
  const draft = await draftOf(input, knowledge, o.articleId);
  const json = `${JSON.stringify(draft.annotation, null, 2)}\n`;
  if (o.out) {
    await writeFile(o.out, json);
    console.error(summary(o.out, draft));
  } else process.stdout.write(json);
});

async function draftOf(file: string, knowledge: Knowledge, articleId?: string): Promise<ExtractResult> {
  const bytes =
    file === "-"
      ? await readStdin()
      : await readFile(file).catch((err: Error) => {
          throw new ExtractInputError(file, `cannot be read: ${err.message}`);
        });
  const { text } = decodeArticle(bytes, file);
  const stem = file === "-" ? undefined : path.basename(file).replace(/\.[^.]+$/, "");
  return extractArticle(
    {
      text,
      lang: o.lang as "auto",
      minConfidence: o.minConfidence,
      article: { ...(articleId ? { id: articleId } : {}), ...(stem ? { file: `${stem}.txt` } : {}) },
    },
    knowledge,
  );
}

async function batch(dir: string, knowledge: Knowledge) {
  const files = (await readdir(dir)).filter((f) => /\.(txt|html?)$/i.test(f)).sort();
  if (!o.out) throw new Error("a folder needs --out <folder> for the drafts");
  await mkdir(o.out, { recursive: true });
  const bar = new SingleBar({
    format: "extract [{bar}] {value}/{total} articles | {rate} articles/s | {file}",
    stream: process.stderr,
    hideCursor: true,
  });
  const started = performance.now();
  bar.start(files.length, 0, { file: "", rate: "0" });
  const failures: string[] = [];
  for (const [i, name] of files.entries()) {
    try {
      const draft = await draftOf(path.join(dir, name), knowledge);
      await writeFile(path.join(o.out, `${name.replace(/\.[^.]+$/, "")}.json`), `${JSON.stringify(draft.annotation, null, 2)}\n`);
    } catch (err) {
      if (!(err instanceof ExtractInputError)) throw err;
      failures.push(err.message);
    }
    const rate = ((i + 1) / ((performance.now() - started) / 1000)).toFixed(1);
    bar.update(i + 1, { file: name, rate });
  }
  bar.stop();
  for (const f of failures) console.error(`skipped: ${f}`);
  console.error(`${files.length - failures.length} drafts written to ${o.out}; ${failures.length} input(s) refused`);
  if (failures.length > 0) process.exitCode = 1;
}

function summary(out: string, { annotation, lang }: ExtractResult): string {
  const known = annotation.entities.filter((e) => "ref" in e).length;
  return `${out}: ${lang}, ${annotation.entities.length} entities (${known} known), ${annotation.relations.length} relations, ${annotation.measures.length} measures, all marked draft`;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function probability(value: string): number {
  const p = Number(value);
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new InvalidArgumentError("a number from 0 to 1");
  return p;
}
