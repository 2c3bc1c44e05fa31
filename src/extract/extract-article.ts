import type { Annotation, ArticleMeta } from "../model/annotation.js";
import type { Lang } from "../model/primitives.js";
import type { Knowledge } from "./knowledge.js";

export interface ExtractInput {
  /** The article text (already decoded and stripped of markup: see input.ts). */
  text: string;
  /** `auto` (default) detects the language. */
  lang?: Lang | "auto";
  /** Metadata to put in the draft's `article` block; what is missing is derived (id from a content hash). */
  article?: Partial<ArticleMeta>;
}

export interface ExtractResult {
  annotation: Annotation;
  /** The language used (detected or given). */
  lang: Lang;
}

/** Drafts an annotation of one article. Pure apart from the (pre-loaded) knowledge; never throws on odd text. */
export async function extractArticle(_input: ExtractInput, _knowledge: Knowledge): Promise<ExtractResult> {
  throw new Error("extractArticle: not implemented yet");
}
