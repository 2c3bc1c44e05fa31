import type { Props } from "./plan.js";

/**
 * A fact's draft marks as its annotation gives them (src/model/draft.ts). Hand-made facts have
 * none; an extractor's fact has `draft: true` until a person accepts it (then `draft: false`, and
 * `confidence` and `rule` stay).
 */
export interface Marks {
  draft?: boolean;
  confidence?: number;
  rule?: string;
}

/**
 * The marks as node or relationship properties, only those that are set: a hand-made fact gets no
 * property at all (so curated rows keep the content hash they had before marks existed), and
 * "no `draft` property" reads as curated everywhere.
 */
export function markProps(m: Marks): Props {
  return { ...marksOf(m) };
}

/** Just the marks of a fact (a mention, relation or measure), those that are set. */
export function marksOf(m: Marks): Marks {
  const out: Marks = {};
  if (m.draft !== undefined) out.draft = m.draft;
  if (m.confidence !== undefined) out.confidence = m.confidence;
  if (m.rule !== undefined) out.rule = m.rule;
  return out;
}

/** One article's statement of a relation: its quote and the marks of that statement. */
export interface Statement {
  articleId: string;
  quote: string;
  marks: Marks;
}

/**
 * A stated relation's draft properties, from its statements. None when no statement is a draft.
 * Otherwise `draftArticleIds` (the articles whose statement is a draft) and `draft`, true when
 * every statement is a draft; then also `confidence` (the drafts' highest) and `rule` (their rules,
 * each once, joined with ", ").
 */
export function relationDraftProps(statements: Statement[]): Props {
  const drafts = statements.filter((s) => s.marks.draft === true);
  if (drafts.length === 0) return {};
  const props: Props = { draftArticleIds: unique(drafts.map((s) => s.articleId)), draft: drafts.length === statements.length };
  if (!props.draft) return props;
  const confidences = drafts.map((s) => s.marks.confidence).filter((c): c is number => c !== undefined);
  if (confidences.length > 0) props.confidence = Math.max(...confidences);
  const rules = unique(drafts.map((s) => s.marks.rule).filter((r): r is string => r !== undefined));
  if (rules.length > 0) props.rule = rules.join(", ");
  return props;
}

/** Whether a fact is awaiting review (a draft); accepted and hand-made facts are not. */
export function isDraft(m: Marks): boolean {
  return m.draft === true;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
