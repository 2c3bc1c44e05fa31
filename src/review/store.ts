import type { Driver, ManagedTransaction } from "neo4j-driver";
import { cypher } from "../db/cypher.js";
import { writePlanInTransaction } from "../db/import-plan.js";
import { readStoredArticles } from "../db/stored-articles.js";
import { DataError, formatProblem } from "../ingest/problems.js";
import { type StoredArticle, storedFile, withStoredArticles } from "../ingest/stored.js";
import { textHash } from "../ingest/text-hash.js";
import type { Logger } from "../log.js";
import { Annotation } from "../model/annotation.js";
import { linkWithStored, readSeedCorpus, type SeedCorpus } from "./corpus.js";
import { deleteLeftovers } from "./delete-leftovers.js";
import { applyReview } from "./edit.js";
import { ArticleNotFoundError, ReviewInputError } from "./errors.js";
import { fitDraft } from "./fit-draft.js";
import { handOverDefinitions } from "./hand-over.js";
import { leftovers } from "./leftovers.js";
import { pruneDraft } from "./prune.js";
import { articleWithText } from "./read.js";

export interface StoreOptions {
  database: string;
  seedDir: string;
  txTimeoutMs: number;
  log: Logger;
}

/** How many rounds of leaving out refused facts a draft gets before it is refused whole. */
const PRUNE_ROUNDS = 5;

/**
 * Stores a drafted article: the article, its annotation (on its node) and its facts, linked with
 * seed/ and the other ingested articles so ids resolve and evidence of a shared fact merges, in one
 * transaction. Facts the linker refuses are left out. With the same text stored already, changes
 * nothing and returns that article.
 */
export async function storeDraft(
  driver: Driver,
  o: StoreOptions,
  draft: Annotation,
  text: string,
): Promise<{ articleId: string; created: boolean }> {
  const seed = await readSeedCorpus(o.seedDir);
  return inReviewTransaction(driver, o, async (tx) => {
    const existing = await articleWithText(tx, textHash(text));
    if (existing) return { articleId: existing, created: false };
    const stored = await readStoredArticles(tx);
    const base = withStoredArticles(seed.corpus, stored);
    if (base.problems.length > 0) throw new DataError(base.problems);
    const fitted = await writeFitted(tx, o, seed, stored, fitDraft(draft, base.corpus), text);
    return { articleId: fitted.article.id, created: true };
  });
}

/** Links the draft with the rest and writes it, leaving out what the linker refuses; returns what was stored. */
async function writeFitted(
  tx: ManagedTransaction,
  o: StoreOptions,
  seed: SeedCorpus,
  stored: StoredArticle[],
  draft: Annotation,
  text: string,
): Promise<Annotation> {
  const file = storedFile(draft.article.id);
  let current = draft;
  for (let round = 0; ; round++) {
    const linked = linkWithStored(seed, [...stored, { articleId: current.article.id, json: JSON.stringify(current), text }]);
    const others = linked.problems.filter((p) => p.file !== file);
    if (others.length > 0) throw new DataError(others);
    const own = linked.problems.filter((p) => p.file === file);
    if (own.length === 0) {
      await writePlanInTransaction(tx, linked.plan, { log: o.log });
      return current;
    }
    const pruned = round < PRUNE_ROUNDS ? pruneDraft(current, own) : undefined;
    if (!pruned) throw new DataError(own);
    o.log.warn({ articleId: current.article.id, problems: own.map(formatProblem) }, "drafted facts the linker refuses are left out");
    current = pruned;
  }
}

/**
 * Accepts and rejects facts of an ingested article (see applyReview), re-links and re-imports the
 * article data, and deletes what the import cannot remove; all in one transaction, touching
 * nothing else. Returns how many facts were accepted and rejected.
 */
export async function reviewStored(
  driver: Driver,
  o: StoreOptions,
  articleId: string,
  accept: string[],
  reject: string[],
): Promise<{ accepted: number; rejected: number }> {
  const seed = await readSeedCorpus(o.seedDir);
  return inReviewTransaction(driver, o, async (tx) => {
    const stored = await readStoredArticles(tx);
    const target = stored.find((s) => s.articleId === articleId);
    if (!target) throw await notReviewable(tx, articleId);
    const before = linkWithStored(seed, stored);
    if (before.problems.length > 0) throw new DataError(before.problems);
    const edit = applyReview(parse(target), accept, reject);
    if (edit.accepted + edit.rejected === 0) return { accepted: 0, rejected: 0 };
    const others = stored.filter((s) => s !== target).map((s) => ({ articleId: s.articleId, annotation: parse(s) }));
    const changed = new Map([
      [articleId, edit.annotation],
      ...handOverDefinitions(edit.dropped, others).map((h) => [h.articleId, h.annotation] as const),
    ]);
    const next = stored.map((s) => {
      const annotation = changed.get(s.articleId);
      return annotation ? { ...s, json: JSON.stringify(annotation) } : s;
    });
    const after = linkWithStored(seed, next);
    if (after.problems.length > 0)
      throw new ReviewInputError(`the review would leave the article data invalid: ${after.problems.map(formatProblem).join("; ")}`);
    await writePlanInTransaction(tx, after.plan, { log: o.log });
    await deleteLeftovers(tx, leftovers(before.plan, after.plan), o.log);
    return { accepted: edit.accepted, rejected: edit.rejected };
  });
}

function parse(s: StoredArticle): Annotation {
  return Annotation.parse(JSON.parse(s.json));
}

/** Why an article that is not ingested through the API cannot be reviewed. */
async function notReviewable(tx: ManagedTransaction, articleId: string): Promise<Error> {
  const { records } = await tx.run(cypher("review/article.cypher"), { id: articleId });
  if (records.length === 0) return new ArticleNotFoundError(articleId);
  return new ReviewInputError(`${articleId} is curated article data (seed/annotations), not a draft: edit its file and run npm run seed`);
}

/** A write transaction that first takes the review lock (cypher/review/lock.cypher). */
async function inReviewTransaction<T>(driver: Driver, o: StoreOptions, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = driver.session({ database: o.database });
  try {
    return await session.executeWrite(
      async (tx) => {
        await tx.run(cypher("review/lock.cypher"));
        return work(tx);
      },
      { timeout: o.txTimeoutMs },
    );
  } finally {
    await session.close();
  }
}
