import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadCorpus, seedPaths } from "../../ingest/load.js";
import type { Annotation } from "../../model/annotation.js";
import { extractArticle } from "../extract-article.js";
import { type Knowledge, loadKnowledge } from "../knowledge.js";
import { type ArticleScore, scoreDraft } from "./score.js";

export interface Timing {
  articles: number;
  characters: number;
  ms: number;
}

export interface EvalOptions {
  onArticle?: (id: string) => void;
  /** Draft with the rules' hand-set confidences (to measure them: eval:extract --calibrate). */
  uncalibrated?: boolean;
}

type Evaluation = Promise<{ scores: ArticleScore[]; timing: Timing }>;

/**
 * Leave-one-article-out on the seed corpus: each article is drafted with a gazetteer built
 * without it (what only it defines, and the forms only it uses, are left out), then scored
 * against its curated annotation.
 */
export async function evaluateLeaveOneOut(seedDir: string, o: EvalOptions = {}): Evaluation {
  const { corpus } = await loadCorpus(seedPaths(path.resolve(seedDir)));
  const full = await loadKnowledge({ seedDir });
  const scores: ArticleScore[] = [];
  const timing: Timing = { articles: 0, characters: 0, ms: 0 };
  for (const { data } of corpus.annotations) {
    const text = corpus.texts.get(data.article.file);
    if (text === undefined) continue;
    const knowledge = await loadKnowledge({ seedDir, excludeArticles: [data.article.id] });
    scores.push(await scoreOne({ text, gold: data, knowledge, kindOf: (id) => full.entities.get(id)?.kind, timing, o }));
    o.onArticle?.(data.article.id);
  }
  return { scores, timing };
}

/**
 * A gold set of real articles no seed annotation covers (seed/dev/, seed/heldout/), drafted with
 * the full gazetteer and scored against hand-made gold annotations.
 */
export async function evaluateDevSet(seedDir: string, devDir: string, o: EvalOptions = {}): Evaluation {
  const knowledge = await loadKnowledge({ seedDir });
  const { corpus } = await loadCorpus({ ...seedPaths(path.resolve(devDir)), catalogue: path.resolve(seedDir, "catalogue.json") });
  const goldKinds = defined(corpus.annotations.map((a) => a.data));
  const scores: ArticleScore[] = [];
  const timing: Timing = { articles: 0, characters: 0, ms: 0 };
  for (const { data } of corpus.annotations) {
    const text = await readFile(path.resolve(devDir, "articles", data.article.file), "utf8");
    const kindOf = (id: string) => knowledge.entities.get(id)?.kind ?? goldKinds.get(id);
    scores.push(await scoreOne({ text, gold: data, knowledge, kindOf, timing, o }));
    o.onArticle?.(data.article.id);
  }
  return { scores, timing };
}

interface ScoreInput {
  text: string;
  gold: Annotation;
  knowledge: Knowledge;
  /** The kind of an entity a reference names (from the gazetteer or the gold set). */
  kindOf: (id: string) => string | undefined;
  timing: Timing;
  o: EvalOptions;
}

async function scoreOne({ text, gold, knowledge, kindOf, timing, o }: ScoreInput): Promise<ArticleScore> {
  const started = performance.now();
  const { annotation } = await extractArticle({ text, lang: gold.article.language, uncalibrated: o.uncalibrated }, knowledge);
  timing.ms += performance.now() - started;
  timing.articles += 1;
  timing.characters += text.length;
  return scoreDraft(annotation, gold, text, kindOf);
}

function defined(annotations: Annotation[]): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const a of annotations) for (const e of a.entities) if (!("ref" in e)) kinds.set(e.id, e.kind);
  return kinds;
}
