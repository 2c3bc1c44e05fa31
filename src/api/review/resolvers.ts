import { GraphQLError } from "graphql";
import { extractArticle } from "../../extract/index.js";
import { textHash } from "../../ingest/text-hash.js";
import type { Logger } from "../../log.js";
import { ArticleNotFoundError, ReviewInputError } from "../../review/errors.js";
import type { ArticleReview } from "../../review/facts.js";
import { articleReviewOf, reviewOfText } from "../../review/read.js";
import { reviewStored, type StoreOptions, storeDraft } from "../../review/store.js";
import type { ApiContext } from "../context.js";
import { requireEditor } from "./auth.js";
import { checkIngestInput, type IngestArgs } from "./input.js";
import { KnowledgeCache } from "./knowledge-cache.js";

export interface ReviewApiOptions {
  /** seed/: the catalogue and curated annotations drafts are linked with. */
  seedDir: string;
  log: Logger;
}

/** Resolvers of graphql/review.graphql: articleReview (public), ingestArticle and reviewFacts (editors). */
export function reviewResolvers(o: ReviewApiOptions) {
  const knowledge = new KnowledgeCache(o.seedDir);
  const store = (ctx: ApiContext): StoreOptions => ({
    database: ctx.database,
    seedDir: o.seedDir,
    txTimeoutMs: ctx.txTimeoutMs,
    log: o.log,
  });
  const reviewOf = (ctx: ApiContext, articleId: string) => articleReviewOf(ctx.driver, ctx.database, o.seedDir, articleId, ctx.txTimeoutMs);

  async function articleReview(_: unknown, args: { articleId: string }, ctx: ApiContext): Promise<ArticleReview | null> {
    return reviewOf(ctx, args.articleId);
  }

  async function ingestArticle(_: unknown, args: IngestArgs, ctx: ApiContext): Promise<ArticleReview> {
    requireEditor(ctx);
    const input = checkIngestInput(args);
    const known = await reviewOfText(ctx.driver, ctx.database, o.seedDir, textHash(input.text), ctx.txTimeoutMs);
    if (known) return known;
    const { annotation } = await extractArticle(input, await knowledge.get(ctx.driver, ctx.database));
    const stored = await storeDraft(ctx.driver, store(ctx), annotation, input.text);
    if (stored.created) knowledge.invalidate();
    o.log.info({ articleId: stored.articleId, created: stored.created }, "article ingested for review");
    return stillThere(await reviewOf(ctx, stored.articleId), stored.articleId);
  }

  async function reviewFacts(_: unknown, args: { articleId: string; accept?: string[] | null; reject?: string[] | null }, ctx: ApiContext) {
    requireEditor(ctx);
    const outcome = await reviewStored(ctx.driver, store(ctx), args.articleId, args.accept ?? [], args.reject ?? []).catch(asGraphQLError);
    if (outcome.accepted + outcome.rejected > 0) knowledge.invalidate();
    o.log.info({ articleId: args.articleId, ...outcome }, "article reviewed");
    return { ...outcome, review: stillThere(await reviewOf(ctx, args.articleId), args.articleId) };
  }

  return { Query: { articleReview }, Mutation: { ingestArticle, reviewFacts } };
}

/** Review errors as the codes clients know; anything else stays an internal error (logged, not shown). */
function asGraphQLError(err: unknown): never {
  if (err instanceof ReviewInputError) throw new GraphQLError(err.message, { extensions: { code: "BAD_USER_INPUT" } });
  if (err instanceof ArticleNotFoundError) throw new GraphQLError(err.message, { extensions: { code: "NOT_FOUND" } });
  throw err;
}

/**
 * The article just written, read back. It can be missing only if something deleted it meanwhile,
 * or if the graph holds the same text as an article without annotation (imported from elsewhere).
 */
function stillThere(review: ArticleReview | null, articleId: string): ArticleReview {
  if (!review) throw new GraphQLError(`article ${articleId} has no annotation to review`, { extensions: { code: "NOT_FOUND" } });
  return review;
}
