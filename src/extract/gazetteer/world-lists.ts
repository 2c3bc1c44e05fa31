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

const Field = z.object({
  id: z.string(),
  en: z.string(),
  zhHans: z.string(),
  zhHant: z.string().optional(),
  ja: z.string(),
  ko: z.string(),
  aliases: z.array(z.string()),
});

let fields: EntityDefinition[] | undefined;

/**
 * Technology fields that cooperation news names as what organisations work on (人工智能, 生物医药,
 * 新能源; data/technologies.json, written by hand). Traditional names come from OpenCC where not given.
 */
export function technologyFields(): EntityDefinition[] {
  fields ??= z
    .array(Field)
    .parse(JSON.parse(readFileSync(new URL("./data/technologies.json", import.meta.url), "utf8")))
    .map((f) => ({
      id: f.id,
      kind: "Technology",
      type: "technology",
      name: f.en,
      names: { "zh-Hans": f.zhHans, ...(f.zhHant ? { "zh-Hant": f.zhHant } : {}), ja: f.ja, ko: f.ko },
      ...(f.aliases.length ? { aliases: { "zh-Hans": f.aliases } } : {}),
    }));
  return fields;
}
