import { z } from "zod";
import { DraftMarks } from "./draft.js";
import { EntityDefinition } from "./entity.js";
import { EntityId, Lang, PartialDate, Qualifier, Text } from "./primitives.js";
import { Relation } from "./relation.js";

/** The article's own metadata. */
export const ArticleMeta = z.strictObject({
  /**
   * Stable id: `article-` plus the file's three-digit number for curated files (`article-000`), or
   * plus a content hash for articles ingested through the API (`article-3f9a0c2b1d4e`).
   */
  id: z.string().regex(/^article-[0-9a-z]{3,}$/, "must be article-NNN (or article- plus lowercase letters and digits)"),
  /** File name in seed/articles/. */
  file: z.string().regex(/^[\w.-]+\.txt$/, "must be a .txt file name"),
  /** The headline verbatim, or null when the text has none. */
  title: Text.nullable(),
  /** An English headline written by the curator (always present, for lists). */
  titleEn: Text,
  /** Publisher or outlet as the text names it; null when it names none. */
  source: Text.nullable(),
  publishedAt: PartialDate.nullable(),
  language: Lang,
  /** Where the article was published, when known. */
  url: z.url().optional(),
  /** Curator's remarks, e.g. that the text is a machine-reworded copy. */
  note: Text.optional(),
});
export type ArticleMeta = z.infer<typeof ArticleMeta>;

/**
 * How an article names an entity. `seen` lists the surface forms exactly as they occur in the text
 * (each must be found verbatim); `garbled` lists forms a machine rewording corrupted (研讨所 for 研究所).
 * Together they name at least one form (an entity may occur only in garbled form).
 */
const Sightings = {
  seen: z.array(Text).default([]),
  garbled: z.array(Text).optional(),
  ...DraftMarks,
};

/** An entity from the shared catalogue, as this article names it. */
export const EntityReference = z.strictObject({ ref: EntityId, ...Sightings });

/** An entity only this article mentions, defined here in full. */
export const ArticleEntity = z.intersection(EntityDefinition, z.object(Sightings));

export const Mention = z.union([EntityReference, ArticleEntity]);
export type Mention = z.infer<typeof Mention>;

/** A quantitative fact about one entity: "applied for 54 invention patents". */
export const Measure = z.strictObject({
  entity: EntityId,
  /** What is counted or measured, kebab-case English: `invention-patent-applications`. */
  metric: EntityId,
  value: z.number().finite(),
  unit: Text,
  qualifier: Qualifier.optional(),
  asOf: PartialDate.optional(),
  quote: Text,
  ...DraftMarks,
});
export type Measure = z.infer<typeof Measure>;

/** One file in seed/annotations/: everything one article states. */
export const Annotation = z.strictObject({
  article: ArticleMeta,
  entities: z.array(Mention),
  relations: z.array(Relation),
  measures: z.array(Measure).default([]),
});
export type Annotation = z.infer<typeof Annotation>;

/**
 * General knowledge no article needs to state: which region lies in which (Dongguan is in
 * Guangdong), where an organisation sits. Imported with `basis: "gazetteer"` and no article evidence.
 */
export const GazetteerRelation = z.strictObject({
  type: z.enum(["PART_OF", "LOCATED_IN"]),
  from: EntityId,
  to: EntityId,
});
export type GazetteerRelation = z.infer<typeof GazetteerRelation>;

/** seed/catalogue.json: entities that several articles mention, each defined once, and gazetteer facts. */
export const Catalogue = z.strictObject({
  entities: z.array(EntityDefinition),
  relations: z.array(GazetteerRelation).default([]),
});
export type Catalogue = z.infer<typeof Catalogue>;
