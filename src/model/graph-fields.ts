/**
 * How the model is stored and served: each relation type's GraphQL field names (from either end) and
 * each kind's stored properties. The importer writes properties with `storedProps`, and
 * `npm run schema` generates graphql/kinds.graphql from this module (src/model/kinds-sdl.ts), so
 * storage and API read one definition. Kept free of zod so any bundle can share it.
 */
import type { EntityDefinition, EntityKind } from "./entity.js";
import type { RelationType } from "./relation.js";

/**
 * Field names of each relation type: `out` on the kinds it starts at, `in` on the kinds it ends at.
 * A relation type without names fails the type check.
 */
export const RELATION_FIELDS = {
  LOCATED_IN: { out: "locatedIn", in: "locatedHere" },
  PART_OF: { out: "partOf", in: "parts" },
  WORKS_AT: { out: "worksAt", in: "staff" },
  LEADS: { out: "leads", in: "leaders" },
  FOUNDED: { out: "foundedOrgs", in: "foundedBy" },
  CO_FOUNDED: { out: "coFounded", in: "coFoundedBy" },
  SPUN_OFF: { out: "spunOff", in: "spunOffFrom" },
  INCUBATED: { out: "incubated", in: "incubatedBy" },
  OPERATES: { out: "operates", in: "operatedBy" },
  SUPPLIES: { out: "supplies", in: "suppliedBy" },
  DEVELOPS: { out: "develops", in: "developedBy" },
  COOPERATES_WITH: { out: "cooperatesWith", in: "cooperatedWithBy" },
  PARTY_TO: { out: "partyTo", in: "parties" },
  CONCERNS: { out: "concerns", in: "concernedBy" },
  ORGANIZED: { out: "organized", in: "organizers" },
  HOSTED: { out: "hosted", in: "hosts" },
  PARTICIPATED_IN: { out: "participatedIn", in: "participants" },
  EXHIBITED_AT: { out: "exhibitedAt", in: "exhibitors" },
  ANNOUNCED_AT: { out: "announcedAt", in: "announcements" },
  INVESTED_IN: { out: "investedIn", in: "investors" },
  SUPPORTS: { out: "supports", in: "supportedBy" },
  VISITED: { out: "visited", in: "visitors" },
} as const satisfies Record<RelationType, { out: string; in: string }>;

/** A scalar as GraphQL serves it; `!` when every node has it. */
export interface ScalarField {
  name: string;
  type: string;
  description?: string;
  /** An @neo4j/graphql directive that fills the field on API writes (on the kinds, not the interface). */
  filledBy?: string;
}

/**
 * The properties every entity has, as stored and served (the Entity interface). The importer writes
 * them in src/ingest/link.ts (names from the definition and its sightings, marks from drafts).
 */
export const ENTITY_FIELDS: readonly ScalarField[] = [
  { name: "id", type: "ID!", description: "Stable readable id, unique across kinds, e.g. hong-kong-trade-development-council." },
  { name: "name", type: "String!", description: "Canonical English name." },
  { name: "names", type: "[String!]!", description: "Every name and alias, in every language and script." },
  {
    name: "aliases",
    type: "[String!]!",
    description: "Names other than the canonical one, with aliasLangs[i] the language of aliases[i].",
  },
  { name: "aliasLangs", type: "[String!]!", description: "The language of each alias: en, zh-Hans, zh-Hant, ko or ja." },
  {
    name: "garbledAliases",
    type: "[String!]!",
    description: "Forms a machine rewording corrupted (研讨所 for 研究所), kept so they can be searched.",
  },
  { name: "nameZhHans", type: "String", description: "Official name in Simplified Chinese." },
  { name: "nameZhHant", type: "String", description: "Official name in Traditional Chinese." },
  { name: "nameKo", type: "String", description: "Official name in Korean." },
  { name: "nameJa", type: "String", description: "Official name in Japanese." },
  { name: "description", type: "String", description: "One short English sentence saying what this is." },
  {
    name: "draft",
    type: "Boolean",
    description:
      "true: drafted by the extractor, awaiting review; false: a draft a person accepted; null: made by hand (catalogue or curated annotation).",
  },
  { name: "confidence", type: "Float", description: "How sure the extractor was, 0-1 (drafted entities only)." },
  { name: "rule", type: "String", description: "The extractor rule that drafted it, e.g. zh.suffix (drafted entities only)." },
  {
    name: "editedBy",
    type: "String",
    description:
      "Who last created or changed it through the API (the editor token's subject); null: as imported from the article data. npm run seed reports such changes as drift.",
    filledBy: '@populatedBy(callback: "editor", operations: [CREATE, UPDATE])',
  },
  {
    name: "editedAt",
    type: "DateTime",
    description: "When it was last created or changed through the API; null: as imported from the article data.",
    filledBy: "@timestamp(operations: [CREATE, UPDATE])",
  },
];

/**
 * Entity properties the store keeps for its own use and the API does not serve, with why.
 * Anything else stored on an entity must be a field (test/schema-parity.test.ts).
 */
export const INTERNAL_ENTITY_PROPERTIES = {
  searchNames: "every name in every Chinese script variant, for the full-text index behind `search`",
  importHash: "the content hash the importer compares to skip unchanged rows",
} as const;

/** How a model field is stored: as it is, or spread over several properties. */
export type Storage =
  /** a string or a vocabulary value */
  | "string"
  | "int"
  /** a PartialDate: `<name>` a Neo4j date (the first day of the period) and `<name>Precision` year|month|day */
  | "date"
  /** a Quantity: `<name>` its value, `<name>Unit`, `<name>Qualifier` (exact when the data gives none) */
  | "quantity";

export interface PropertySpec {
  stored: Storage;
  /** The model requires it, so every node of the kind has it. */
  required?: boolean;
  description?: string;
}

type Definition<K extends EntityKind> = Extract<EntityDefinition, { kind: K }>;
/** The model's fields every kind shares; stored as ENTITY_FIELDS says. */
type CommonField = "kind" | "id" | "name" | "names" | "aliases" | "description";
type OwnField<K extends EntityKind> = Exclude<keyof Definition<K>, CommonField>;

/**
 * Each kind's own model fields and how they are stored, in the order the API lists them. A model
 * field without an entry here (or an entry the model does not have) fails the type check.
 */
export const KIND_PROPERTIES = {
  Region: {
    level: { stored: "string", required: true, description: "country, province, city, district, zone or venue" },
  },
  Institution: {
    type: {
      stored: "string",
      required: true,
      description: "university, research-institute, government, association, tech-transfer-centre, statutory-body, enterprise-group, other",
    },
    founded: { stored: "date", description: "When it was founded." },
  },
  Lab: {
    type: {
      stored: "string",
      required: true,
      description: "lab, joint-lab, research-centre, research-institute, innovation-centre, pilot-platform, incubator",
    },
    founded: { stored: "date", description: "When it was founded." },
  },
  Company: {
    founded: { stored: "date", description: "When it was founded." },
  },
  Person: {},
  ProductionLine: {
    stage: { stored: "string", required: true, description: "pilot or mass" },
    status: { stored: "string", description: "operating, built, under-construction or planned" },
    capacity: { stored: "quantity", description: "Capacity as the article states it" },
  },
  Technology: {
    type: { stored: "string", required: true, description: "technology, product, material or project" },
  },
  Event: {
    type: {
      stored: "string",
      required: true,
      description: "conference, forum, expo, matchmaking, roadshow, competition, ceremony, meeting, visit, exchange",
    },
    startDate: { stored: "date", description: "The first day (or month, or year) it was held." },
    endDate: { stored: "date", description: "The last day (or month, or year) it was held." },
    edition: { stored: "int", description: '"the 20th forum" -> 20' },
    theme: { stored: "string", description: "Its theme as the article gives it." },
  },
  Agreement: {
    type: {
      stored: "string",
      required: true,
      description: "mou, cooperation-agreement, framework-agreement, co-construction-agreement, investment-project, contract",
    },
    title: { stored: "string", description: "The agreement's own title as the article gives it, e.g. 《全面合作战略框架协议》." },
    signedOn: { stored: "date", description: "When it was signed." },
  },
} as const satisfies { [K in EntityKind]: { [F in OwnField<K>]-?: PropertySpec } };

/** A property value as it goes to Neo4j; dates as `{ date: "2019-04" }`, converted in the db layer. */
export type StoredValue = string | number | boolean | string[] | { date: string };

/** The stored properties of one spec'd field: `founded: "2019-04"` -> `founded: date 2019-04-01, foundedPrecision: "month"`. */
export function storedField(name: string, stored: Storage, value: unknown): Record<string, StoredValue> {
  if (value === undefined || value === null) return {};
  switch (stored) {
    case "string":
    case "int":
      return { [name]: value as string | number };
    case "date": {
      const d = value as string;
      return { [name]: { date: d }, [`${name}Precision`]: datePrecision(d) };
    }
    case "quantity": {
      const q = value as { value: number; unit: string; qualifier?: string };
      return { [name]: q.value, [`${name}Unit`]: q.unit, [`${name}Qualifier`]: q.qualifier ?? "exact" };
    }
  }
}

/** "2019" -> year, "2019-04" -> month, "2019-04-01" -> day. */
export function datePrecision(d: string): "year" | "month" | "day" {
  return (["year", "month", "day"] as const)[d.split("-").length - 1] ?? "day";
}

/** A kind's own properties as stored, from its definition. */
export function storedKindProps(def: EntityDefinition): Record<string, StoredValue> {
  const specs: Record<string, PropertySpec> = KIND_PROPERTIES[def.kind];
  const out: Record<string, StoredValue> = {};
  for (const [name, spec] of Object.entries(specs))
    Object.assign(out, storedField(name, spec.stored, (def as Record<string, unknown>)[name]));
  return out;
}

const PRECISION_DESCRIPTION = (name: string) =>
  `How precisely ${name} is known: "year", "month" or "day" (${name} holds the first day of the period: a year-only date reads as YYYY-01-01).`;

/** The GraphQL fields of one stored property, with the properties the storage adds. */
export function scalarFields(name: string, spec: PropertySpec): ScalarField[] {
  const bang = spec.required ? "!" : "";
  switch (spec.stored) {
    case "string":
      return [{ name, type: `String${bang}`, description: spec.description }];
    case "int":
      return [{ name, type: `Int${bang}`, description: spec.description }];
    case "date":
      return [
        { name, type: `Date${bang}`, description: spec.description },
        { name: `${name}Precision`, type: `String${bang}`, description: PRECISION_DESCRIPTION(name) },
      ];
    case "quantity":
      return [
        { name, type: `Float${bang}`, description: spec.description ? `${spec.description}: the number.` : undefined },
        { name: `${name}Unit`, type: `String${bang}`, description: `The unit of ${name}, verbatim (t/year, GWh).` },
        {
          name: `${name}Qualifier`,
          type: `String${bang}`,
          description: `How ${name} relates to the real value: exact, about, over, under or at-least.`,
        },
      ];
  }
}
