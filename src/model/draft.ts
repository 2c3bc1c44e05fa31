import { z } from "zod";
import { Text } from "./primitives.js";

/**
 * Marks on a fact the extractor drafted (`npm run extract`): a person has not accepted it yet
 * while `draft` is true. `confidence` and `rule` say how sure the extractor was and what produced
 * it; they stay after acceptance, so an analyst can still tell a reviewed draft from a hand-made fact.
 */
export const DraftMarks = {
  /** true: drafted by the extractor, awaiting review. Absent or false: curated (or accepted). */
  draft: z.boolean().optional(),
  /** How sure the extractor was, 0–1. */
  confidence: z.number().min(0).max(1).optional(),
  /** The rule that produced the fact, e.g. `zh.trigger.sign` or `gazetteer.exact`. */
  rule: Text.optional(),
};
