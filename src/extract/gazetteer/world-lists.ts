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

const Organisation = z.object({
  id: z.string(),
  kind: z.enum(["Institution", "Lab", "Company"]),
  type: z.string().optional(),
  en: z.string(),
  zhHans: z.string(),
  zhHant: z.string().optional(),
  ja: z.string().optional(),
  ko: z.string().optional(),
  aliases: z.partialRecord(z.enum(["en", "zh-Hans", "zh-Hant", "ja", "ko"]), z.array(z.string())).optional(),
});

let organisations: EntityDefinition[] | undefined;

/**
 * Well-known universities, academies, government bodies, labs and companies of the region's
 * innovation news (data/organisations.json, written by hand with their names in every script).
 */
export function wellKnownOrganisations(): EntityDefinition[] {
  organisations ??= z
    .array(Organisation)
    .parse(JSON.parse(readFileSync(new URL("./data/organisations.json", import.meta.url), "utf8")))
    .map((o) => {
      const names = {
        "zh-Hans": o.zhHans,
        ...(o.zhHant ? { "zh-Hant": o.zhHant } : {}),
        ...(o.ja ? { ja: o.ja } : {}),
        ...(o.ko ? { ko: o.ko } : {}),
      };
      const aliases = Object.fromEntries(Object.entries(o.aliases ?? {}).filter(([, list]) => list.length > 0));
      const common = { id: o.id, name: o.en, names, ...(Object.keys(aliases).length ? { aliases } : {}) };
      return (
        o.kind === "Company" ? { ...common, kind: o.kind } : { ...common, kind: o.kind, type: o.type ?? "other" }
      ) as EntityDefinition;
    });
  return organisations;
}
