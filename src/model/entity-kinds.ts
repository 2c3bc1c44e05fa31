import type { EntityKind as Label } from "./entity.js";

/**
 * The GraphQL `EntityKind` value of each node label (also each generated type's __typename).
 * Kept free of zod so the explorer's bundle can share it with the server.
 */
export const KIND_OF_LABEL = {
  Region: "REGION",
  Institution: "INSTITUTION",
  Lab: "LAB",
  Company: "COMPANY",
  Person: "PERSON",
  ProductionLine: "PRODUCTION_LINE",
  Technology: "TECHNOLOGY",
  Event: "EVENT",
  Agreement: "AGREEMENT",
} as const satisfies Record<Label, string>;

/** A kind as the API names it (REGION, PRODUCTION_LINE, …). */
export type KindName = (typeof KIND_OF_LABEL)[Label];
/** Every kind, in the model's order. */
export const KIND_NAMES = Object.values(KIND_OF_LABEL) as KindName[];
