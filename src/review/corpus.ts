import { linkCorpus } from "../ingest/link.js";
import { loadCorpus, type RawCorpus, seedPaths } from "../ingest/load.js";
import type { ImportPlan } from "../ingest/plan.js";
import { catalogueFileName } from "../ingest/prepare.js";
import { DataError, type DataProblem } from "../ingest/problems.js";
import { type StoredArticle, withStoredArticles } from "../ingest/stored.js";

/** seed/ as read from disk, with the catalogue's name for problems. */
export interface SeedCorpus {
  corpus: RawCorpus;
  catalogueFile: string;
}

/** Reads seed/; any problem there stops the review API (it cannot link a draft without it). */
export async function readSeedCorpus(seedDir: string): Promise<SeedCorpus> {
  const paths = seedPaths(seedDir);
  const { corpus, problems } = await loadCorpus(paths);
  if (problems.length > 0) throw new DataError(problems);
  return { corpus, catalogueFile: catalogueFileName(paths) };
}

export interface LinkedCorpus {
  corpus: RawCorpus;
  plan: ImportPlan;
  problems: DataProblem[];
}

/** seed/ and the articles ingested through the API, linked into one import plan as `npm run seed` does. */
export function linkWithStored(seed: SeedCorpus, stored: StoredArticle[]): LinkedCorpus {
  const merged = withStoredArticles(seed.corpus, stored);
  const linked = linkCorpus(merged.corpus, seed.catalogueFile);
  return { corpus: merged.corpus, plan: linked.plan, problems: [...merged.problems, ...linked.problems] };
}
