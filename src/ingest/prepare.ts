import { linkCorpus } from "./link.js";
import { loadCorpus, type SeedPaths } from "./load.js";
import type { ImportPlan } from "./plan.js";
import { DataError } from "./problems.js";
import { type StoredArticle, withStoredArticles } from "./stored.js";

/**
 * Loads, validates and links the article data, with the articles ingested through the API when
 * given (so that importing seed/ again keeps their evidence); throws a DataError listing every problem.
 */
export async function prepareImport(paths: SeedPaths, stored: StoredArticle[] = []): Promise<ImportPlan> {
  const loaded = await loadCorpus(paths);
  const { corpus, problems } = withStoredArticles(loaded.corpus, stored);
  const linked = linkCorpus(corpus, catalogueFileName(paths));
  const all = [...loaded.problems, ...problems, ...linked.problems];
  if (all.length > 0) throw new DataError(all);
  return linked.plan;
}

/** The catalogue's path as problems name it: relative to the working directory when inside it. */
export function catalogueFileName(paths: SeedPaths): string {
  return paths.catalogue.startsWith(process.cwd()) ? paths.catalogue.slice(process.cwd().length + 1) : paths.catalogue;
}
