/**
 * Stable ids of an article's facts for the review API: `<articleId>/entity/<entityId>`,
 * `<articleId>/relation/<from>|<TYPE>|<to>`, `<articleId>/measure/<entityId>|<metric>`.
 * An article stating the same relation (or measure) twice has one fact for both.
 */
export type { FactCategory } from "../model/review-fact.js";

export function entityFactId(articleId: string, entityId: string): string {
  return `${articleId}/entity/${entityId}`;
}

export function relationFactId(articleId: string, r: { from: string; type: string; to: string }): string {
  return `${articleId}/relation/${r.from}|${r.type}|${r.to}`;
}

export function measureFactId(articleId: string, m: { entity: string; metric: string }): string {
  return `${articleId}/measure/${m.entity}|${m.metric}`;
}
