import { z } from "zod";

/** A non-empty string with no leading or trailing whitespace. */
export const Text = z.string().superRefine((s, ctx) => {
  if (s.trim().length === 0) ctx.addIssue({ code: "custom", message: "must not be empty or blank" });
  else if (s.trim() !== s) ctx.addIssue({ code: "custom", message: "must not start or end with spaces" });
});

/** Stable, readable entity id: lowercase ASCII words joined by hyphens, e.g. `cas-institute-of-physics`. */
export const EntityId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase kebab-case ASCII, e.g. hong-kong-trade-development-council");

/** The languages and scripts the articles and names use. */
export const Lang = z.enum(["en", "zh-Hans", "zh-Hant", "ko", "ja"]);
export type Lang = z.infer<typeof Lang>;

/**
 * A date known to the year, month or day: `2019`, `2019-04`, `2019-04-01`.
 * Stored in Neo4j as a date (first day of the period) plus its precision.
 */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, "must be YYYY, YYYY-MM or YYYY-MM-DD");
export type PartialDate = z.infer<typeof PartialDate>;

/** How a stated number relates to the real value ("over 280", "about 70"). */
export const Qualifier = z.enum(["exact", "about", "over", "under", "at-least"]);

/** A number with its unit, as the article states it: 280 mAh/g, 300 t/year, 1.5e8 CNY. */
export const Quantity = z.strictObject({
  value: z.number().finite(),
  unit: Text,
  qualifier: Qualifier.optional(),
});
export type Quantity = z.infer<typeof Quantity>;
