import type { EntityKind } from "../model/entity.js";
import type { Lang } from "../model/primitives.js";
import type { RelationType } from "../model/relation.js";

/** What the importer writes: the whole corpus linked into nodes and relationships, ready for UNWIND. */
export interface ImportPlan {
  articles: ArticleRow[];
  entities: EntityRow[];
  mentions: MentionRow[];
  relations: RelationRow[];
  measures: MeasureRow[];
  /** Where each entity is defined (file and JSON path), for errors found only when writing. */
  entityOrigins?: Map<string, { file: string; path: string }>;
}

/** Property values as they go to Neo4j: dates arrive as `{ date: "2019-04" }` and are converted in the db layer. */
export type PropValue = string | number | boolean | string[] | DateValue;
export interface DateValue {
  date: string;
}
export type Props = Record<string, PropValue>;

export interface ArticleRow {
  id: string;
  props: Props;
}

export interface EntityRow {
  id: string;
  kind: EntityKind;
  props: Props;
}

export interface MentionRow {
  articleId: string;
  entityId: string;
  surfaces: string[];
  /** The mention's draft marks (src/ingest/draft-marks.ts); absent on hand-made mentions. */
  draft?: boolean;
  confidence?: number;
  rule?: string;
}

export interface RelationRow {
  type: RelationType;
  from: string;
  to: string;
  props: Props;
}

export interface MeasureRow {
  id: string;
  entityId: string;
  props: Props;
}

export interface AliasEntry {
  text: string;
  lang: Lang;
  garbled: boolean;
}
