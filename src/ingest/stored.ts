import { Annotation, type Mention } from "../model/annotation.js";
import type { AnnotationFile, RawCorpus } from "./load.js";
import { type DataProblem, fromZodIssues } from "./problems.js";

/** An article ingested through the review API: its annotation lives on its :Article node, not in seed/. */
export interface StoredArticle {
  articleId: string;
  /** The annotation as stored (JSON). */
  json: string;
  text: string;
}

/** How problems in a stored annotation name it (there is no file). */
export const storedFile = (articleId: string) => `graph:${articleId}`;

/**
 * The corpus read from seed/ plus the articles ingested through the API, after it in article id
 * order. A stored annotation may define an entity that was defined elsewhere meanwhile (the
 * catalogue gained it, or another article ingested at the same time defined it): such a
 * definition of an id already defined with the same kind is read as a reference to it, so the
 * earlier definition wins and the article's sightings still count. The stored JSON is kept as is.
 */
export function withStoredArticles(corpus: RawCorpus, stored: StoredArticle[]): { corpus: RawCorpus; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const kinds = definedKinds(corpus);
  const annotations: AnnotationFile[] = [...corpus.annotations];
  const texts = new Map(corpus.texts);
  for (const article of [...stored].sort((a, b) => a.articleId.localeCompare(b.articleId))) {
    const file = storedFile(article.articleId);
    const parsed = parseStored(article.json, file, problems);
    if (!parsed) continue;
    if (texts.has(parsed.article.file)) {
      problems.push({ file, path: "article.file", message: `text file name ${parsed.article.file} is already used by another article` });
      continue;
    }
    texts.set(parsed.article.file, article.text);
    const data = { ...parsed, entities: parsed.entities.map((m) => asReference(m, kinds)) };
    for (const m of parsed.entities) if (!("ref" in m) && !kinds.has(m.id)) kinds.set(m.id, m.kind);
    annotations.push({ file, data, storedJson: article.json });
  }
  return { corpus: { ...corpus, annotations, texts }, problems };
}

function parseStored(json: string, file: string, problems: DataProblem[]): Annotation | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    problems.push({ file, path: "", message: `stored annotation is not valid JSON: ${(err as Error).message}` });
    return undefined;
  }
  const parsed = Annotation.safeParse(raw);
  if (!parsed.success) problems.push(...fromZodIssues(file, parsed.error.issues));
  return parsed.data;
}

/** Entity ids the corpus defines (catalogue, then annotations in order), with their kinds. */
export function definedKinds(corpus: RawCorpus): Map<string, string> {
  const kinds = new Map<string, string>(corpus.catalogue.entities.map((e) => [e.id, e.kind]));
  for (const { data } of corpus.annotations) for (const m of data.entities) if (!("ref" in m) && !kinds.has(m.id)) kinds.set(m.id, m.kind);
  return kinds;
}

/** A definition of an id already defined with the same kind, as a reference carrying its sightings and marks. */
export function asReference(m: Mention, kinds: ReadonlyMap<string, string>): Mention {
  if ("ref" in m || kinds.get(m.id) !== m.kind) return m;
  const { id, seen, garbled, draft, confidence, rule } = m;
  return Object.fromEntries(
    Object.entries({ ref: id, seen, garbled, draft, confidence, rule }).filter(([, v]) => v !== undefined),
  ) as Mention;
}
