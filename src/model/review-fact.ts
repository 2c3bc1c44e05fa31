/**
 * The review API's shapes (graphql/review.graphql), shared by the server (src/review/) and the
 * explorer's Review tab (web/src/review-api.ts). Kept free of zod so the explorer's bundle can use it.
 */

export type FactCategory = "ENTITY" | "RELATION" | "MEASURE";

/** DRAFT until a person accepts the fact (CURATED) or rejects it (then it is gone). */
export type FactStatus = "DRAFT" | "CURATED";

/** One fact of an article, as the reviewer sees it. */
export interface ReviewFact {
  /** `<articleId>/entity/<entityId>`, `<articleId>/relation/<from>|<TYPE>|<to>`, `<articleId>/measure/<entityId>|<metric>` */
  id: string;
  category: FactCategory;
  status: FactStatus;
  confidence: number | null;
  rule: string | null;
  entityId: string;
  /** ENTITY: its kind (REGION, …); RELATION: its type; MEASURE: its metric. */
  label: string;
  /** ENTITY: the name; RELATION: "from name -> to name"; MEASURE: "value unit". */
  text: string;
  targetId: string | null;
  isNew: boolean | null;
  /** Verbatim strings of the article to mark: the entity's forms, or the relation's or measure's quote. */
  highlights: string[];
}

export interface ArticleReview {
  articleId: string;
  title: string | null;
  language: string;
  url: string | null;
  publishedAt: string | null;
  text: string;
  facts: ReviewFact[];
}
