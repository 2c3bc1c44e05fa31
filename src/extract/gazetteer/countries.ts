import { readFileSync } from "node:fs";
import { z } from "zod";
import type { EntityDefinition } from "../../model/entity.js";

const Country = z.object({
  id: z.string(),
  en: z.string(),
  aliases: z.array(z.string()),
  zhHans: z.string(),
  zhHant: z.string(),
  ja: z.string(),
  ko: z.string(),
  koAliases: z.array(z.string()),
  jaAliases: z.array(z.string()).optional(),
});

let cached: EntityDefinition[] | undefined;

/**
 * Countries that cooperation news names (data/countries.json, written by hand: official short
 * names in each script). Entities the project already defines under the same id keep their definition.
 */
export function countryEntities(): EntityDefinition[] {
  cached ??= z
    .array(Country)
    .parse(JSON.parse(readFileSync(new URL("./data/countries.json", import.meta.url), "utf8")))
    .map((c) => ({
      id: c.id,
      kind: "Region",
      level: "country",
      name: c.en,
      names: { "zh-Hans": c.zhHans, "zh-Hant": c.zhHant, ja: c.ja, ko: c.ko },
      aliases: {
        ...(c.aliases.length ? { en: c.aliases } : {}),
        ...(c.koAliases.length ? { ko: c.koAliases } : {}),
        ...(c.jaAliases?.length ? { ja: c.jaAliases } : {}),
      },
    }));
  return cached;
}
