import type { EntityDefinition } from "../../model/entity.js";

/**
 * The short forms Hong Kong and Macao news use for their universities, derived from the full
 * name: 香港科技大学 → 科大 / 港科大, 香港中文大學 → 中大 / 港中大, 香港大学 → 港大, 澳门大学 → 澳大,
 * 澳门科技大学 → 澳科大, and Japanese news's 香港科技大. (Mainland short forms are not derivable this way: 中山大学 is 中大 too.)
 */
export function universityShortForms(def: EntityDefinition): string[] {
  if (def.kind !== "Institution" || def.type !== "university") return [];
  const out = new Set<string>();
  for (const name of [def.names?.["zh-Hans"], def.names?.["zh-Hant"]]) {
    const m = name && /^(香港|澳门|澳門)(\p{Script=Han}{0,2})(?:大学|大學)$/u.exec(name);
    if (!m) continue;
    const [, city, middle] = m as unknown as [string, string, string];
    // 香港科技大 / 香港中文大: Japanese news drops 学 from a university's full name.
    if (middle !== "") out.add(`${city}${middle}大`);
    const place = city === "香港" ? "港" : "澳";
    if (middle === "") out.add(`${place}大`);
    else {
      const first = middle[0] as string;
      if (city === "香港") out.add(`${first}大`);
      out.add(`${place}${first}大`);
    }
  }
  return [...out];
}
