import type { EntityDefinition, EntityKind } from "../model/entity.js";
import type { Lang } from "../model/primitives.js";

/** A half-open range of UTF-16 offsets into the article text. */
export interface Span {
  start: number;
  end: number;
}

/** An entity the project already knows (catalogue, annotations, divisions, graph). */
export interface KnownEntity {
  id: string;
  kind: EntityKind;
  /** The full definition when one is at hand (not for graph-only or division entities without one). */
  def: EntityDefinition;
  /** Where it is known from; `reference` is a vendored list (divisions, countries, technology fields), written out in full in a draft. */
  source: "catalogue" | "annotation" | "reference" | "graph";
}

/** One place in the text where an entity is named: known (`knownId`) or newly recognised. */
export interface EntityMention extends Span {
  surface: string;
  kind: EntityKind;
  /** Institution/Lab/Technology/Event/Agreement type, or Region level, for new entities. */
  subtype?: string;
  knownId?: string;
  /** A new entity named here by a short form: the surface of its full name elsewhere (澳大… for 澳門大學…). */
  sameAs?: string;
  /** The surface is a machine-reworded form of a known name (研讨所 for 研究所). */
  garbled?: boolean;
  /** A phrase pointing back at the entity (同社, 该公司, the university): used for relations, not a form of its name. */
  anaphor?: boolean;
  rule: string;
  confidence: number;
}

/** A relation the rules found between two mentions. */
export interface FoundRelation {
  type: string;
  from: EntityMention;
  to: EntityMention;
  quote: Span;
  rule: string;
  confidence: number;
  props?: { title?: string; role?: string; kind?: string };
}

/** A number with its unit, attached to a mention. */
export interface FoundMeasure {
  entity: EntityMention;
  metric: string;
  value: number;
  unit: string;
  qualifier?: "exact" | "about" | "over" | "under" | "at-least";
  quote: Span;
  rule: string;
  confidence: number;
}

/** The per-language part of the extractor: finds entities the gazetteer does not know. */
export interface Recogniser {
  lang: Lang;
  /** Candidate mentions of new entities (overlaps allowed; the caller resolves them). */
  /** `view` is the text in Simplified Chinese where the language uses Han characters (same offsets), else the text. */
  recognise(text: string, view: string): EntityMention[];
}
