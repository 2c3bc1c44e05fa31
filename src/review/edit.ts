import type { Annotation, Mention } from "../model/annotation.js";
import { ReviewInputError } from "./errors.js";
import { entityFactId, measureFactId, relationFactId } from "./fact-ids.js";
import { factIds } from "./facts.js";

/** A definition mention: an entity the article itself defines. */
export type Definition = Exclude<Mention, { ref: string }>;

export interface ReviewEdit {
  annotation: Annotation;
  /** Facts turned from DRAFT to CURATED. */
  accepted: number;
  /** Facts removed: those rejected, and the relations and measures that used a rejected entity. */
  rejected: number;
  /** Entities the article defined and now does not, with their definitions. */
  dropped: Definition[];
}

/**
 * Applies a review to an article's annotation: an accepted fact loses its draft mark (`draft:
 * false`; confidence and rule stay), a rejected one is removed, and rejecting an entity removes the
 * article's relations and measures that use it. Every id must be one of the article's facts.
 */
export function applyReview(annotation: Annotation, accept: string[], reject: string[]): ReviewEdit {
  const articleId = annotation.article.id;
  checkIds(annotation, accept, reject);
  const accepting = new Set(accept);
  const rejecting = new Set(reject);
  const rejectedEntities = new Set(annotation.entities.map(mentionId).filter((id) => rejecting.has(entityFactId(articleId, id))));
  const uses = (ids: string[]) => ids.some((id) => rejectedEntities.has(id));
  const removed = new Set<string>();
  const accepted = new Set<string>();
  const keep = <T extends { draft?: boolean }>(fact: T, id: string, entityIds: string[]): T[] => {
    if (rejecting.has(id) || uses(entityIds)) {
      if (accepting.has(id)) throw new ReviewInputError(`${id} cannot be accepted: it uses an entity this review rejects`);
      removed.add(id);
      return [];
    }
    if (!accepting.has(id) || fact.draft !== true) return [fact];
    accepted.add(id);
    return [{ ...fact, draft: false }];
  };
  const entities = annotation.entities.flatMap((m) => keep(m, entityFactId(articleId, mentionId(m)), [mentionId(m)]));
  const relations = annotation.relations.flatMap((r) => keep(r, relationFactId(articleId, r), [r.from, r.to]));
  const measures = annotation.measures.flatMap((m) => keep(m, measureFactId(articleId, m), [m.entity]));
  const dropped = annotation.entities.filter((m): m is Definition => !("ref" in m) && rejectedEntities.has(m.id));
  return { annotation: { ...annotation, entities, relations, measures }, accepted: accepted.size, rejected: removed.size, dropped };
}

function checkIds(annotation: Annotation, accept: string[], reject: string[]) {
  const known = factIds(annotation);
  const unknown = [...new Set([...accept, ...reject])].filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new ReviewInputError(`not facts of ${annotation.article.id}: ${unknown.join(", ")} (articleReview lists the article's facts)`);
  const both = accept.filter((id) => reject.includes(id));
  if (both.length > 0) throw new ReviewInputError(`both accepted and rejected: ${[...new Set(both)].join(", ")}`);
}

export function mentionId(m: Mention): string {
  return "ref" in m ? m.ref : m.id;
}
