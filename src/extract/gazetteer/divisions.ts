/**
 * China's administrative divisions (provinces, prefecture-level cities, counties/districts) plus Hong
 * Kong districts, Macao parishes and Taiwan: a vendored gazetteer, see data/SOURCE.md.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

export interface Division {
  code: string;
  level: "province" | "city" | "district";
  zhHans: string;
  short?: string;
  en: string;
  parent: string | null;
}

const divisionSchema: z.ZodType<Division> = z.object({
  code: z.string().regex(/^\d{6}$/),
  level: z.enum(["province", "city", "district"]),
  zhHans: z.string().min(1),
  short: z.string().min(2).optional(),
  en: z.string().min(1),
  parent: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
});

let cached: Division[] | undefined;

/** Reads and validates data/divisions.json once; later calls return the same array. */
export function loadDivisions(): Division[] {
  cached ??= z.array(divisionSchema).parse(JSON.parse(readFileSync(new URL("./data/divisions.json", import.meta.url), "utf8")));
  return cached;
}
