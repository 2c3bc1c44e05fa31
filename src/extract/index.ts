/**
 * Extraction: raw article text -> draft annotation (the seed/annotations format, every fact marked
 * `draft: true` with a confidence and the rule that produced it). Public surface of src/extract/.
 *
 *   const knowledge = await loadKnowledge({ seedDir: "seed" });          // gazetteer, once
 *   const annotation = await extractArticle({ text, lang: "auto" }, knowledge);

 */
export type { ExtractInput, ExtractResult } from "./extract-article.js";
export { DEFAULT_MIN_CONFIDENCE, extractArticle } from "./extract-article.js";
export type { Knowledge, KnowledgeSources } from "./knowledge.js";
export { loadKnowledge } from "./knowledge.js";
