import { scriptVariants } from "../../model/chinese-script.js";
import type { EntityDefinition } from "../../model/entity.js";
import { slug } from "../slug.js";
import { type Division, loadDivisions } from "./divisions.js";
import { sinoKoreanReading } from "./korean-readings.js";

/**
 * China's administrative divisions (and Hong Kong's and Macao's) as Region definitions, leaving
 * out those whose name the project already knows (the catalogue's Zibo is Zibo), and the parent of
 * each (by id), so a name several divisions share can be told apart by the places around it. Ids
 * are the English name, qualified by the parent where two divisions share it (nanshan-district-shenzhen).
 */
export function divisionEntities(knownIdOfName: ReadonlyMap<string, string>): {
  regions: EntityDefinition[];
  parentOf: Map<string, string>;
} {
  const divisions = loadDivisions();
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const idCount = new Map<string, number>();
  for (const d of divisions) idCount.set(slug(d.en), (idCount.get(slug(d.en)) ?? 0) + 1);
  const regions: EntityDefinition[] = [];
  const idOfCode = new Map<string, string>();
  const used = new Set<string>();
  const knownId = (d: Division) =>
    knownIdOfName.get(d.zhHans) ?? (d.short && d.level !== "district" ? knownIdOfName.get(d.short) : undefined);
  for (const d of divisions) {
    const known = knownId(d);
    if (known) {
      idOfCode.set(d.code, known);
      continue;
    }
    let id = slug(d.en);
    const parent = d.parent ? byCode.get(d.parent) : undefined;
    if ((idCount.get(id) ?? 0) > 1 && parent) id = `${id}-${slug(parent.en)}`;
    if (used.has(id)) id = `${id}-${d.code}`;
    used.add(id);
    idOfCode.set(d.code, id);
    regions.push(toRegion(d, id));
  }
  const parentOf = new Map<string, string>();
  for (const d of divisions) {
    const id = idOfCode.get(d.code);
    const parent = d.parent ? idOfCode.get(d.parent) : undefined;
    if (id && parent) parentOf.set(id, parent);
  }
  return { regions, parentOf };
}

function toRegion(d: Division, id: string): EntityDefinition {
  const [, traditional] = scriptVariants(d.zhHans);
  const ko = sinoKoreanReading(traditional ?? d.zhHans);
  // District short forms (南山 for 南山区) are too ambiguous to match on their own.
  const shortAlias = d.short && (d.level !== "district" || [...d.short].length >= 3) ? { "zh-Hans": [d.short] } : undefined;
  return {
    id,
    kind: "Region",
    level: d.level,
    name: d.en,
    names: { "zh-Hans": d.zhHans, "zh-Hant": traditional ?? d.zhHans, ...(ko ? { ko } : {}) },
    ...(shortAlias ? { aliases: shortAlias } : {}),
    description: `Administrative division of China, GB/T 2260 code ${d.code}.`,
  };
}
