import type { EntityKind as Label } from "../../model/entity.js";
import { KIND_OF_LABEL } from "../../model/entity-kinds.js";

export const LABEL_OF_KIND = Object.fromEntries(Object.entries(KIND_OF_LABEL).map(([label, kind]) => [kind, label])) as Record<
  string,
  Label
>;

export interface NodeRow {
  id: string;
  labels: string[];
  name: string;
  names: string[];
}

export interface EdgeRow {
  source: string;
  target: string;
  type: string;
  articleIds: string[] | null;
  quotes: string[] | null;
}

export function kindOf(labels: string[]): string {
  const label = labels.find((l) => l in KIND_OF_LABEL) as Label | undefined;
  if (!label) throw new Error(`node with labels ${labels.join(", ")} is not an entity`);
  return KIND_OF_LABEL[label];
}

export function toGraphNode(row: NodeRow) {
  return { id: row.id, kind: kindOf(row.labels), name: row.name, names: row.names ?? [] };
}

/** Relationship provenance (parallel lists articleIds/quotes) as a list of evidence. */
export function toGraphEdge(row: EdgeRow) {
  const articleIds = row.articleIds ?? [];
  const quotes = row.quotes ?? [];
  return {
    source: row.source,
    target: row.target,
    type: row.type,
    evidence: articleIds.map((articleId, i) => ({ articleId, quote: quotes[i] ?? "" })),
  };
}
