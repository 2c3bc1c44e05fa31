import { z } from "zod";
import { EntityId, Lang, PartialDate, Quantity, Text } from "./primitives.js";

/** Node labels of the graph, one per kind of real-world entity. `Article` is the source, not an entity. */
export const EntityKind = z.enum([
  "Region",
  "Institution",
  "Lab",
  "Company",
  "Person",
  "ProductionLine",
  "Technology",
  "Event",
  "Agreement",
]);
export type EntityKind = z.infer<typeof EntityKind>;

/** Official names by language; `en` is the canonical name and lives in `name`. */
const Names = z.strictObject({
  "zh-Hans": Text.optional(),
  "zh-Hant": Text.optional(),
  ko: Text.optional(),
  ja: Text.optional(),
});

/** Further names by language (abbreviations, former names, other renderings). */
const Aliases = z.partialRecord(Lang, z.array(Text).min(1));

const common = {
  id: EntityId,
  /** Canonical English name. */
  name: Text,
  names: Names.optional(),
  aliases: Aliases.optional(),
  /** One short English sentence saying what this is, for the explorer's card. */
  description: Text.optional(),
};

const RegionLevel = z.enum(["country", "province", "city", "district", "zone", "venue"]);
const InstitutionType = z.enum([
  "university",
  "research-institute",
  "government",
  "association",
  "tech-transfer-centre",
  "statutory-body",
  "enterprise-group",
  "other",
]);
const LabType = z.enum(["lab", "joint-lab", "research-centre", "research-institute", "innovation-centre", "pilot-platform", "incubator"]);
const TechnologyType = z.enum(["technology", "product", "material", "project"]);
const EventType = z.enum([
  "conference",
  "forum",
  "expo",
  "matchmaking",
  "roadshow",
  "competition",
  "ceremony",
  "meeting",
  "visit",
  "exchange",
]);
const AgreementType = z.enum([
  "mou",
  "cooperation-agreement",
  "framework-agreement",
  "co-construction-agreement",
  "investment-project",
  "contract",
]);

export const Region = z.strictObject({ ...common, kind: z.literal("Region"), level: RegionLevel });
export const Institution = z.strictObject({
  ...common,
  kind: z.literal("Institution"),
  type: InstitutionType,
  founded: PartialDate.optional(),
});
export const Lab = z.strictObject({ ...common, kind: z.literal("Lab"), type: LabType, founded: PartialDate.optional() });
export const Company = z.strictObject({ ...common, kind: z.literal("Company"), founded: PartialDate.optional() });
export const Person = z.strictObject({ ...common, kind: z.literal("Person") });
export const ProductionLine = z.strictObject({
  ...common,
  kind: z.literal("ProductionLine"),
  stage: z.enum(["pilot", "mass"]),
  capacity: Quantity.optional(),
  status: z.enum(["operating", "built", "under-construction", "planned"]).optional(),
});
export const Technology = z.strictObject({ ...common, kind: z.literal("Technology"), type: TechnologyType });
export const Event = z.strictObject({
  ...common,
  kind: z.literal("Event"),
  type: EventType,
  startDate: PartialDate.optional(),
  endDate: PartialDate.optional(),
  /** "the 20th forum" -> 20 */
  edition: z.number().int().positive().optional(),
  theme: Text.optional(),
});
export const Agreement = z.strictObject({
  ...common,
  kind: z.literal("Agreement"),
  type: AgreementType,
  signedOn: PartialDate.optional(),
  /** The agreement's own title as the article gives it, e.g. 《全面合作战略框架协议》. */
  title: Text.optional(),
});

/** A full entity definition, in the shared catalogue or in an article's annotation file. */
export const EntityDefinition = z.discriminatedUnion("kind", [
  Region,
  Institution,
  Lab,
  Company,
  Person,
  ProductionLine,
  Technology,
  Event,
  Agreement,
]);
export type EntityDefinition = z.infer<typeof EntityDefinition>;
