import type { Annotation, Measure, Mention } from "../model/annotation.js";
import type { EntityKind } from "../model/entity.js";
import { KIND_OF_LABEL } from "../model/entity-kinds.js";
import type { Relation } from "../model/relation.js";
import type { ArticleReview, FactStatus, ReviewFact } from "../model/review-fact.js";
import { entityFactId, measureFactId, relationFactId } from "./fact-ids.js";

export type { ArticleReview, FactStatus, ReviewFact };

/** An entity's kind label and canonical name, as the graph holds them. */
export interface EntityName {
  kind: EntityKind;
  name: string;
}

/** An article and its facts (entities, then relations, then measures, in the annotation's order). */
export function articleReview(annotation: Annotation, text: string, names: ReadonlyMap<string, EntityName>): ArticleReview {
  const { article } = annotation;
  const nameOf = (id: string) => names.get(id)?.name ?? id;
  const facts = new Map<string, ReviewFact>();
  const add = (fact: ReviewFact) => facts.set(fact.id, merge(facts.get(fact.id), fact));
  for (const m of annotation.entities) add(entityFact(article.id, m, names));
  for (const r of annotation.relations) add(relationFact(article.id, r, nameOf));
  for (const m of annotation.measures) add(measureFact(article.id, m));
  return {
    articleId: article.id,
    title: article.title,
    language: article.language,
    url: article.url ?? null,
    publishedAt: article.publishedAt,
    text,
    facts: [...facts.values()],
  };
}

/** Every fact id of an annotation (the ids reviewFacts accepts). */
export function factIds(annotation: Annotation): Set<string> {
  return new Set(articleReview(annotation, "", new Map()).facts.map((f) => f.id));
}

function entityFact(articleId: string, m: Mention, names: ReadonlyMap<string, EntityName>): ReviewFact {
  const id = "ref" in m ? m.ref : m.id;
  const known = names.get(id) ?? ("ref" in m ? undefined : { kind: m.kind, name: m.name });
  return {
    id: entityFactId(articleId, id),
    category: "ENTITY",
    ...marks(m),
    entityId: id,
    label: known ? KIND_OF_LABEL[known.kind] : "UNKNOWN",
    text: known?.name ?? id,
    targetId: null,
    isNew: !("ref" in m),
    highlights: [...m.seen, ...(m.garbled ?? [])],
  };
}

function relationFact(articleId: string, r: Relation, nameOf: (id: string) => string): ReviewFact {
  return {
    id: relationFactId(articleId, r),
    category: "RELATION",
    ...marks(r),
    entityId: r.from,
    label: r.type,
    text: `${nameOf(r.from)} -> ${nameOf(r.to)}`,
    targetId: r.to,
    isNew: null,
    highlights: [r.quote],
  };
}

function measureFact(articleId: string, m: Measure): ReviewFact {
  return {
    id: measureFactId(articleId, m),
    category: "MEASURE",
    ...marks(m),
    entityId: m.entity,
    label: m.metric,
    text: `${m.value} ${m.unit}`,
    targetId: null,
    isNew: null,
    highlights: [m.quote],
  };
}

function marks(m: { draft?: boolean; confidence?: number; rule?: string }) {
  return { status: (m.draft === true ? "DRAFT" : "CURATED") as FactStatus, confidence: m.confidence ?? null, rule: m.rule ?? null };
}

/** The same relation or measure stated twice in one article is one fact: a draft while either statement is. */
function merge(before: ReviewFact | undefined, next: ReviewFact): ReviewFact {
  if (!before) return next;
  const confidences = [before.confidence, next.confidence].filter((c): c is number => c !== null);
  return {
    ...before,
    status: before.status === "DRAFT" || next.status === "DRAFT" ? "DRAFT" : "CURATED",
    confidence: confidences.length > 0 ? Math.max(...confidences) : null,
    rule: before.rule ?? next.rule,
    highlights: [...new Set([...before.highlights, ...next.highlights])],
  };
}
