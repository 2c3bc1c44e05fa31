import type { ImportPlan } from "../ingest/plan.js";

/** What an import of `after` leaves in the graph that `after` no longer holds (the import only adds and updates). */
export interface Leftovers {
  relations: Array<{ from: string; type: string; to: string }>;
  mentions: Array<{ articleId: string; entityId: string }>;
  measures: string[];
  entities: string[];
}

/** The rows of the plan before a review that the plan after it lacks: what the review must delete. */
export function leftovers(before: ImportPlan, after: ImportPlan): Leftovers {
  const relationKey = (r: { from: string; type: string; to: string }) => `${r.from}|${r.type}|${r.to}`;
  const mentionKey = (m: { articleId: string; entityId: string }) => `${m.articleId}|${m.entityId}`;
  const kept = {
    relations: new Set(after.relations.map(relationKey)),
    mentions: new Set(after.mentions.map(mentionKey)),
    measures: new Set(after.measures.map((m) => m.id)),
    entities: new Set(after.entities.map((e) => e.id)),
  };
  return {
    relations: before.relations.filter((r) => !kept.relations.has(relationKey(r))).map(({ from, type, to }) => ({ from, type, to })),
    mentions: before.mentions.filter((m) => !kept.mentions.has(mentionKey(m))).map(({ articleId, entityId }) => ({ articleId, entityId })),
    measures: before.measures.filter((m) => !kept.measures.has(m.id)).map((m) => m.id),
    entities: before.entities.filter((e) => !kept.entities.has(e.id)).map((e) => e.id),
  };
}
