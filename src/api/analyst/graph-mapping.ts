import type { EntityKind as Label } from "../../model/entity.js";
import { KIND_OF_LABEL } from "../../model/entity-kinds.js";

export const LABEL_OF_KIND = Object.fromEntries(Object.entries(KIND_OF_LABEL).map(([label, kind]) => [kind, label])) as Record<
  string,
  Label
>;

/** Draft marks as the analyst Cypher returns them: null where the property is absent (made by hand). */
interface MarkColumns {
  draft: boolean | null;
  confidence: number | null;
  rule: string | null;
}

export interface NodeRow extends MarkColumns {
  id: string;
  labels: string[];
  name: string;
  names: string[];
}

export interface EdgeRow extends MarkColumns {
  source: string;
  target: string;
  type: string;
  articleIds: string[] | null;
  quotes: string[] | null;
  /** The articles whose statement is a draft; null when none is. */
  draftArticleIds: string[] | null;
}

export function kindOf(labels: string[]): string {
  const label = labels.find((l) => l in KIND_OF_LABEL) as Label | undefined;
  if (!label) throw new Error(`node with labels ${labels.join(", ")} is not an entity`);
  return KIND_OF_LABEL[label];
}

/** `draft` is false unless the fact awaits review; confidence and rule as stored. */
function marks(row: MarkColumns) {
  return { draft: row.draft === true, confidence: row.confidence ?? null, rule: row.rule ?? null };
}

export function toGraphNode(row: NodeRow) {
  return { id: row.id, kind: kindOf(row.labels), name: row.name, names: row.names ?? [], ...marks(row) };
}

/** Relationship provenance (parallel lists articleIds/quotes) as a list of evidence. */
export function toGraphEdge(row: EdgeRow) {
  const articleIds = row.articleIds ?? [];
  const quotes = row.quotes ?? [];
  const drafts = new Set(row.draftArticleIds ?? []);
  return {
    source: row.source,
    target: row.target,
    type: row.type,
    evidence: articleIds.map((articleId, i) => ({ articleId, quote: quotes[i] ?? "", draft: drafts.has(articleId) })),
    ...marks(row),
  };
}
