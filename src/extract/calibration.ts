import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";

const CALIBRATION_FILE = new URL("./lexicon/calibration.json", import.meta.url);

const Calibration = z.object({
  /** Which gold sets the precisions were measured on (never the held-out set). */
  measuredOn: z.string(),
  relations: z.record(z.string(), z.object({ drafted: z.number(), rightPair: z.number(), confidence: z.number().min(0).max(1) })),
});
type Calibration = z.infer<typeof Calibration>;

let cached: Calibration | null | undefined;

/**
 * A relation rule's confidence as measured: the share of its drafts that joined the right pair on
 * the seed (leave-one-out) and development sets, smoothed towards the rule's own prior when it
 * drafted few relations. Undefined for a rule never measured.
 */
export function calibratedConfidence(rule: string): number | undefined {
  if (cached === undefined)
    cached = existsSync(CALIBRATION_FILE) ? Calibration.parse(JSON.parse(readFileSync(CALIBRATION_FILE, "utf8"))) : null;
  return cached?.relations[rule]?.confidence;
}

/** Writes the calibration table from measured counts; `prior` is each rule's hand-set confidence. */
export function writeCalibration(measuredOn: string, counts: Map<string, { drafted: number; rightPair: number; prior: number }>): string {
  const relations: Calibration["relations"] = {};
  for (const [rule, c] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    // Two pseudo-drafts at the prior: a rule measured on 2 drafts moves halfway, on 20 almost all the way.
    const confidence = Math.round(((c.rightPair + 2 * c.prior) / (c.drafted + 2)) * 100) / 100;
    relations[rule] = { drafted: c.drafted, rightPair: c.rightPair, confidence: Math.min(0.95, Math.max(0.05, confidence)) };
  }
  writeFileSync(CALIBRATION_FILE, `${JSON.stringify({ measuredOn, relations }, null, 2)}\n`);
  cached = undefined;
  return CALIBRATION_FILE.pathname;
}
