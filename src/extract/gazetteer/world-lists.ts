import { readFileSync } from "node:fs";
import { z } from "zod";
import { EntityDefinition } from "../../model/entity.js";

/**
 * The hand-written reference lists in data/ (countries, technology fields, well-known
 * organisations), each entry turned into an entity definition the model validates: a bad entry
 * fails at load, naming the file and the entry.
 */
const loaded = new Map<string, EntityDefinition[]>();

function referenceList<T>(file: string, entry: z.ZodType<T>, toDefinition: (e: T) => unknown): EntityDefinition[] {
  const cached = loaded.get(file);
  if (cached) return cached;
  const entries = z.array(entry).parse(JSON.parse(readFileSync(new URL(`./data/${file}`, import.meta.url), "utf8")));
  const definitions = entries.map((e, i) => {
    const parsed = EntityDefinition.safeParse(toDefinition(e));
    if (!parsed.success)
      throw new Error(
        `src/extract/gazetteer/data/${file} [${i}]: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`,
      );
    return parsed.data;
  });
  loaded.set(file, definitions);
  return definitions;
}

const nonEmpty = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && (!Array.isArray(v) || v.length > 0)));

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

/** Countries that cooperation news names (data/countries.json: official short names in each script). */
export function countryEntities(): EntityDefinition[] {
  return referenceList("countries.json", Country, (c) => ({
    id: c.id,
    kind: "Region",
    level: "country",
    name: c.en,
    names: { "zh-Hans": c.zhHans, "zh-Hant": c.zhHant, ja: c.ja, ko: c.ko },
    aliases: nonEmpty({ en: c.aliases, ko: c.koAliases, ja: c.jaAliases }),
  }));
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

/** Technology fields organisations are said to work on (人工智能, 生物医药, 新能源; data/technologies.json). */
export function technologyFields(): EntityDefinition[] {
  return referenceList("technologies.json", Field, (f) => ({
    id: f.id,
    kind: "Technology",
    type: "technology",
    name: f.en,
    names: nonEmpty({ "zh-Hans": f.zhHans, "zh-Hant": f.zhHant, ja: f.ja, ko: f.ko }),
    ...(f.aliases.length ? { aliases: { "zh-Hans": f.aliases } } : {}),
  }));
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

/** Well-known universities, academies, government bodies, labs and companies (data/organisations.json). */
export function wellKnownOrganisations(): EntityDefinition[] {
  return referenceList("organisations.json", Organisation, (o) => {
    const aliases = nonEmpty(o.aliases ?? {});
    return {
      id: o.id,
      kind: o.kind,
      ...(o.kind === "Company" ? {} : { type: o.type ?? "other" }),
      name: o.en,
      names: nonEmpty({ "zh-Hans": o.zhHans, "zh-Hant": o.zhHant, ja: o.ja, ko: o.ko }),
      ...(Object.keys(aliases).length ? { aliases } : {}),
    };
  });
}
