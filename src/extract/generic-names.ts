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

/**
 * The words an agreement or event is called by in every article (战略合作协议, 签约仪式, 업무 협약,
 * the signing ceremony). A name made only of them names no one agreement or event, so an
 * annotation's `seen` form like that must not become a gazetteer name: it would join every
 * later article's 战略合作协议 to one 2019 agreement.
 */
const DESCRIPTIVE_WORDS =
  /战略|戰略|全面|框架|合作|協作|协作|协议|協議|协定|協定|备忘录|備忘錄|谅解|諒解|签约|簽約|签署|簽署|仪式|儀式|典礼|典禮|揭牌|启动|啟動|开幕|開幕|论坛|論壇|大会|大會|会议|會議|活动|活動|项目|項目|共建|意向|科技|创新|創新|交流|对接|對接|研讨|研討|峰会|峰會|展览|展覽|博览|博覽|系列|双方|雙方|两地|兩地|協力|連携|覚書|合意|締結|調印|包括|戦略的|フォーラム|セミナー|シンポジウム|イベント|展示|업무|협약|협정|양해각서|체결|전략적|포괄적|상호|교류|협력|포럼|세미나|회의|행사|설명회|간담회|\b(?:agreements?|memorand(?:um|a)|of|understanding|strategic|cooperation|collaboration|framework|ceremony|signing|the|an?|and|mou|forum|conference|event|meeting|seminar|summit|unveiling|launch|opening)\b|[书書式会會の的和与與及]/giu;

/** True when a name is nothing but the words every agreement or event is called by. */
export function namesNoOne(name: string): boolean {
  return name.replace(DESCRIPTIVE_WORDS, "").replace(/[\s\p{P}]/gu, "").length < 2;
}
