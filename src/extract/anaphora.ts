import type { EntityKind } from "../model/entity.js";
import type { Lang } from "../model/primitives.js";
import type { EntityMention } from "./types.js";

/**
 * A phrase that points back at an entity named earlier: 同社 / 该公司 / 이 프로젝트 / the university.
 * `head` is the word the antecedent's name must end with (or contain, in English); without it any
 * mention of the kinds will do.
 */
interface Pointer {
  pattern: RegExp;
  kinds: readonly EntityKind[];
  /** Which capture group holds the head noun the antecedent's name must end with, if any. */
  head?: boolean;
}

const ORG: EntityKind[] = ["Institution", "Lab", "Company"];

/** Per language; Chinese is matched on the Simplified view. */
const POINTERS: Record<"zh" | "ja" | "ko" | "en", Pointer[]> = {
  zh: [
    { pattern: /(?:该|此|这家|这所|本)(公司|企业|集团)/g, kinds: ["Company"] },
    { pattern: /(?:该|此|这所|本)(?:校|大学)/g, kinds: ["Institution"] },
    // 研究院将聚焦… / 该中心…: a bare head at the start of a clause, or after 该/此/这个.
    {
      pattern:
        /(?:(?<=^|[。！？；;，,\s])|该|此|这个|这家)(研究院|研究所|研究中心|实验室|中心|平台|基地|学院|协会|联盟|园区)(?=[将亦也已还则并在于与和的是为由自拥目])/g,
      kinds: [...ORG, "Region"],
      head: true,
    },
    { pattern: /(?:该|此|这一|这个|上述)(项目|技术|产品|材料)/g, kinds: ["Technology"] },
    { pattern: /(?:该|此|这次|本次|此次|本届|这次)(活动|会议|论坛|大会|仪式|展会|博览会|峰会)/g, kinds: ["Event"] },
    { pattern: /(?:该|此|这份|这项|上述|本)(协议|协定|备忘录)/g, kinds: ["Agreement"] },
  ],
  ja: [
    { pattern: /同(社|グループ)/g, kinds: ["Company"] },
    { pattern: /同(大学|大|校|学院)/g, kinds: ["Institution"] },
    { pattern: /同(研究所|研究院|センター|機構|協会|研究室|ラボ)/g, kinds: [...ORG], head: true },
    { pattern: /同(市|省|県|区|地区|パーク|園区)/g, kinds: ["Region"] },
    { pattern: /同(フォーラム|会議|イベント|展示会|博覧会|大会)/g, kinds: ["Event"] },
    { pattern: /同(プロジェクト|技術)/g, kinds: ["Technology"] },
  ],
  ko: [
    { pattern: /(?:이|해당|동|그)\s?(회사|기업)(?=[은는이가을를의에와과도]|\s)/g, kinds: ["Company"] },
    { pattern: /(?:이|해당|동|그)\s?(프로젝트|기술|재료|제품|소재)(?=[은는이가을를의에와과도]|\s)/g, kinds: ["Technology"] },
    { pattern: /(?:이번|이|해당|동)\s?(행사|포럼|대회|회의|박람회|설명회)(?=[은는이가을를의에와과도]|\s)/g, kinds: ["Event"] },
    // 센터는 … / 연구원은 …: a bare head word, standing alone before its particle.
    {
      pattern: /(?<=^|[\s.,'"])(센터|연구소|연구원|대학|대학교|협회|위원회|정부)(?=(?:은|는|이|가|을|를|의|에서|와|과|도)\s)/g,
      kinds: [...ORG],
      head: true,
    },
  ],
  en: [
    {
      pattern:
        /\b(?:the|this|that)\s+(university|company|institute|centre|center|laboratory|lab|park|zone|council|government|association|foundation|academy|school|faculty|bureau|commission)\b/gi,
      kinds: [...ORG, "Region"],
      head: true,
    },
    { pattern: /\b(?:the|this|that)\s+(agreement|MoU|memorandum)\b/gi, kinds: ["Agreement"] },
    { pattern: /\b(?:the|this|that)\s+(forum|conference|summit|expo|ceremony|event)\b/gi, kinds: ["Event"] },
    { pattern: /\b(?:the|this|that)\s+(project|technology)\b/gi, kinds: ["Technology"] },
  ],
};

/** How far back (characters) an antecedent may stand. */
const REACH = 600;

/**
 * Mentions for the phrases that point back at an entity named before (同社, 该公司, 연구원은, the
 * university): each becomes a mention of the nearest earlier entity of a fitting kind whose name
 * ends with the phrase's head noun. A pointer with no such antecedent is left alone. The new
 * mentions are marked `anaphor`: they join relations but are not surface forms of the name.
 */
export function resolveAnaphora(mentions: EntityMention[], text: string, view: string, lang: Lang): EntityMention[] {
  const key = lang.startsWith("zh") ? "zh" : (lang as "ja" | "ko" | "en");
  const source = key === "zh" || key === "ja" ? view : text;
  const found: EntityMention[] = [];
  const taken = (start: number, end: number) => [...mentions, ...found].some((m) => m.start < end && start < m.end);
  for (const pointer of POINTERS[key]) {
    for (const m of source.matchAll(pointer.pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      const head = pointer.head ? (m[1] as string) : undefined;
      const antecedent = antecedentOf(mentions, start, pointer.kinds, head, source, key === "en");
      if (!antecedent) continue;
      found.push({
        ...antecedent,
        // A new entity is keyed by its name: the pointer joins it under that name.
        sameAs: antecedent.knownId ? undefined : (antecedent.sameAs ?? antecedent.surface),
        start,
        end,
        surface: text.slice(start, end),
        rule: `${key}.anaphor`,
        confidence: Math.min(antecedent.confidence, 0.6),
        anaphor: true,
        garbled: undefined,
      });
    }
  }
  return [...mentions, ...found].sort((a, b) => a.start - b.start);
}

function antecedentOf(
  mentions: EntityMention[],
  at: number,
  kinds: readonly EntityKind[],
  head: string | undefined,
  source: string,
  english: boolean,
): EntityMention | undefined {
  const fits = (m: EntityMention) => {
    if (m.anaphor || !kinds.includes(m.kind) || m.end > at || at - m.end > REACH) return false;
    if (!head) return true;
    const name = source.slice(m.start, m.end);
    return english ? name.toLowerCase().includes(head.toLowerCase()) : name.endsWith(head) && name.length > head.length;
  };
  return mentions.filter(fits).sort((a, b) => b.end - a.end)[0];
}
