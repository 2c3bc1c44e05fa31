import type { EntityKind as Label } from "./entity.js";

/**
 * The GraphQL `EntityKind` value of each node label (also each generated type's __typename).
 * Kept free of zod so the explorer's bundle can share it with the server.
 */
export const KIND_OF_LABEL: Record<Label, string> = {
  Region: "REGION",
  Institution: "INSTITUTION",
  Lab: "LAB",
  Company: "COMPANY",
  Person: "PERSON",
  ProductionLine: "PRODUCTION_LINE",
  Technology: "TECHNOLOGY",
  Event: "EVENT",
  Agreement: "AGREEMENT",
};
