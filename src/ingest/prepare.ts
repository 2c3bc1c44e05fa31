import { linkCorpus } from "./link.js";
import { loadCorpus, type SeedPaths } from "./load.js";
import type { ImportPlan } from "./plan.js";
import { DataError } from "./problems.js";

/** Loads, validates and links the article data; throws a DataError listing every problem. */
export async function prepareImport(paths: SeedPaths): Promise<ImportPlan> {
  const { corpus, problems } = await loadCorpus(paths);
  const catalogueFile = paths.catalogue.startsWith(process.cwd()) ? paths.catalogue.slice(process.cwd().length + 1) : paths.catalogue;
  const linked = linkCorpus(corpus, catalogueFile);
  const all = [...problems, ...linked.problems];
  if (all.length > 0) throw new DataError(all);
  return linked.plan;
}
