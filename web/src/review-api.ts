/** The review API (graphql/review.graphql): draft an article's facts, read them, accept or reject them. Editors only. */

import type { ArticleReview } from "../../src/model/review-fact.js";
import { gql } from "./api.js";

export type { ArticleReview, FactCategory, FactStatus, ReviewFact } from "../../src/model/review-fact.js";

export interface ReviewOutcome {
  accepted: number;
  rejected: number;
  review: ArticleReview;
}

export interface NewArticle {
  text: string;
  title?: string;
  url?: string;
  publishedAt?: string;
  /** Omitted: the server detects it. */
  language?: string;
}

const REVIEW = `articleId title language url publishedAt text
  facts { id category status confidence rule entityId label text targetId isNew highlights }`;

/** Stores the article and drafts its facts (the extractor runs on the server). */
export async function ingestArticle(article: NewArticle, token: string): Promise<ArticleReview> {
  const q = `mutation ($text: String!, $url: String, $title: String, $publishedAt: String, $language: String) {
    ingestArticle(text: $text, url: $url, title: $title, publishedAt: $publishedAt, language: $language) { ${REVIEW} } }`;
  return (await gql<{ ingestArticle: ArticleReview }>(q, { ...article }, token)).ingestArticle;
}

/** Public, like all reading: sent without the token (a stale one would be answered 401). */
export async function articleReview(articleId: string): Promise<ArticleReview | null> {
  const q = `query ($articleId: ID!) { articleReview(articleId: $articleId) { ${REVIEW} } }`;
  return (await gql<{ articleReview: ArticleReview | null }>(q, { articleId })).articleReview;
}

export async function reviewFacts(articleId: string, accept: string[], reject: string[], token: string): Promise<ReviewOutcome> {
  const q = `mutation ($articleId: ID!, $accept: [ID!], $reject: [ID!]) {
    reviewFacts(articleId: $articleId, accept: $accept, reject: $reject) { accepted rejected review { ${REVIEW} } } }`;
  return (await gql<{ reviewFacts: ReviewOutcome }>(q, { articleId, accept, reject }, token)).reviewFacts;
}

/** What to tell the editor when a review call fails. */
export function reviewErrorMessage(err: unknown): string {
  const e = err as { message?: string; code?: string };
  switch (e.code) {
    case "UNAUTHENTICATED":
      // The server says why (no exp claim, expired, signed for another issuer…).
      return `The editor token is missing, malformed or expired (${e.message ?? "refused"}). Paste a fresh one (npm run token -- --role editor) and try again.`;
    case "FORBIDDEN":
      return "This token may not review articles: it needs the editor role (npm run token -- --role editor).";
    case "BAD_USER_INPUT":
    case "BAD_REQUEST":
      return `The server refused the input: ${e.message}`;
    case "NETWORK":
      return "The API server cannot be reached. Is it running?";
    default:
      return e.message ?? String(err);
  }
}
