import { z } from "zod";
import { DraftMarks } from "./draft.js";
import type { EntityKind } from "./entity.js";
import { EntityId, PartialDate, Quantity, Text } from "./primitives.js";

const ORG: EntityKind[] = ["Institution", "Lab", "Company"];
const ACTOR: EntityKind[] = [...ORG, "Person", "Region"];
const ANY: EntityKind[] = [...ACTOR, "ProductionLine", "Technology", "Event", "Agreement"];

/**
 * The relationship vocabulary: for each type, which kinds may stand at each end, and what it means.
 * The importer refuses a relation whose endpoints are of other kinds.
 */
export const RELATION_TYPES = {
  LOCATED_IN: { from: ANY, to: ["Region"], means: "is situated in, held in (events), based in" },
  PART_OF: {
    from: ANY,
    to: ANY,
    /** A region is part of a region only (the containment chain); any kind may be part of a region. */
    only: { Region: ["Region"] },
    means: "region in region, lab in institution, subsidiary in group, sub-event in event",
  },
  WORKS_AT: { from: ["Person"], to: [...ORG, "Region"], means: "holds a position at (props: role, title)" },
  LEADS: { from: ["Person", ...ORG], to: [...ORG, "Technology", "Event"], means: "heads a lab or project, chairs an event" },
  FOUNDED: { from: ACTOR, to: [...ORG, "Event", "Region"], means: "set up alone" },
  CO_FOUNDED: { from: ACTOR, to: [...ORG, "Event", "Region"], means: "set up together with others (one edge per co-founder)" },
  SPUN_OFF: { from: ["Lab", "Institution", "Person"], to: ["Company"], means: "company came out of this lab, institution or professor" },
  INCUBATED: { from: [...ORG, "Region"], to: ["Company", "Technology"], means: "incubated" },
  OPERATES: { from: ORG, to: ["ProductionLine", "Lab", "Region"], means: "runs a production line, platform or park" },
  SUPPLIES: {
    from: ["ProductionLine", "Company", "Lab"],
    to: [...ORG, "Region"],
    means: "delivers to a customer (props: kind sample|order|contract)",
  },
  DEVELOPS: { from: [...ORG, "Person", "ProductionLine"], to: ["Technology"], means: "develops, makes or sells a technology or product" },
  COOPERATES_WITH: { from: ACTOR, to: ACTOR, means: "works together with (props: kind)" },
  PARTY_TO: { from: ACTOR, to: ["Agreement"], means: "signed or is a party to" },
  CONCERNS: { from: ["Agreement", "Event"], to: ANY, means: "an agreement's or event's subject: the lab it sets up, the project it signs" },
  ORGANIZED: { from: ACTOR, to: ["Event"], means: "organised, sponsored (主办)" },
  HOSTED: { from: ACTOR, to: ["Event"], means: "hosted, undertook, chaired (承办, 主持)" },
  PARTICIPATED_IN: { from: ACTOR, to: ["Event"], means: "attended, spoke at, presented at (props: role)" },
  EXHIBITED_AT: { from: [...ORG, "Technology", "Region"], to: ["Event"], means: "showed products at an expo" },
  ANNOUNCED_AT: { from: [...ORG, "Agreement", "Technology"], to: ["Event"], means: "unveiled, launched or signed at an event" },
  INVESTED_IN: { from: ACTOR, to: [...ORG, "ProductionLine", "Technology", "Agreement"], means: "put money in (props: amount)" },
  SUPPORTS: { from: ACTOR, to: [...ORG, "Event", "Technology"], means: "backs, guides or funds a platform (支持, 指导)" },
  VISITED: { from: ACTOR, to: [...ORG, "Region"], means: "paid a visit to" },
} as const satisfies Record<string, RelationRule>;

/** Which kinds a relation type may join; `only` narrows the kinds at `to` for a kind at `from`. */
interface RelationRule {
  from: readonly EntityKind[];
  to: readonly EntityKind[];
  only?: Partial<Record<EntityKind, readonly EntityKind[]>>;
  means: string;
}

/** The kinds a relation of this type may end at when it starts at a `from`. */
export function toKindsFrom(type: keyof typeof RELATION_TYPES, from: EntityKind): readonly EntityKind[] {
  const rule: RelationRule = RELATION_TYPES[type];
  return rule.from.includes(from) ? (rule.only?.[from] ?? rule.to) : [];
}

/** The kinds a relation of this type may start at when it ends at a `to`. */
export function fromKindsTo(type: keyof typeof RELATION_TYPES, to: EntityKind): readonly EntityKind[] {
  const rule: RelationRule = RELATION_TYPES[type];
  return rule.from.filter((from) => toKindsFrom(type, from).includes(to));
}

/** Whether a relation of this type may join a `from` to a `to`. */
export function joins(type: keyof typeof RELATION_TYPES, from: EntityKind, to: EntityKind): boolean {
  return toKindsFrom(type, from).includes(to);
}

export const RelationType = z.enum(Object.keys(RELATION_TYPES) as [keyof typeof RELATION_TYPES, ...(keyof typeof RELATION_TYPES)[]]);
export type RelationType = z.infer<typeof RelationType>;

/** Properties a relation may carry. Each is optional; which ones make sense depends on the type. */
export const RelationProps = z.strictObject({
  /** WORKS_AT / LEADS / PARTICIPATED_IN: the role in English, e.g. "director", "speaker". */
  role: Text.optional(),
  /** WORKS_AT: the title verbatim in the article's language, e.g. 주임, 董事长助理. */
  title: Text.optional(),
  /** SUPPLIES: what was delivered. COOPERATES_WITH: the form of cooperation. */
  kind: Text.optional(),
  /** INVESTED_IN: the amount. */
  amount: Quantity.optional(),
  /** When the stated fact happened (signed, founded, unveiled). */
  date: PartialDate.optional(),
  /** A fact announced but not yet done ("planned") or under way ("in-progress"). */
  status: z.enum(["planned", "in-progress"]).optional(),
});
export type RelationProps = z.infer<typeof RelationProps>;

export const Relation = z.strictObject({
  type: RelationType,
  from: EntityId,
  to: EntityId,
  /** The sentence or clause that states the relation, verbatim from the article. */
  quote: Text,
  props: RelationProps.optional(),
  ...DraftMarks,
});
export type Relation = z.infer<typeof Relation>;

export const SUPPLY_KINDS = ["sample", "order", "contract"] as const;
