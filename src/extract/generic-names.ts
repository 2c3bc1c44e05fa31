import type { Lang } from "../model/primitives.js";
import type { EntityMention } from "./types.js";

/**
 * Words that make an organisation-shaped phrase a description rather than a name: 当地党委政府
 * ("the local party committee"), 国家高水平大学 ("national high-level universities"), 홍콩 소재
 * 대학 ("universities based in Hong Kong"), 준 정부 ("quasi-government"). Chinese is matched on
 * the Simplified view.
 */
const GENERIC: Record<"zh" | "ja" | "ko" | "en", RegExp> = {
  zh: /^(?:当地|两地|各地|本地|各级|各|多家|多所|一批|相关|有关|国内外|海内外|中外|双方|两岸|部分|知名|重点|高水平|国家高水平|世界一流|一流|其他|其它|上述|这些|众多)/u,
  ja: /^(?:各|地元|関係|関連|複数の|主要|その他|同地)/u,
  ko: /(?:^|\s)(?:소재|관련|각|여러|주요|해외|국내|현지|준|다수|일부|기타)(?:\s|$)/u,
  en: /^(?:local|various|several|other|related|leading|major|many)\s/i,
};

/** A new organisation or place whose name is a description (当地党委政府, 홍콩 소재 대학). */
export function isGenericName(m: EntityMention, lang: Lang, view: string): boolean {
  if (m.knownId || !["Institution", "Company", "Lab", "Region"].includes(m.kind)) return false;
  const key = lang.startsWith("zh") ? "zh" : (lang as "ja" | "ko" | "en");
  const surface = key === "zh" ? view.slice(m.start, m.end) : m.surface;
  return GENERIC[key].test(surface);
}
