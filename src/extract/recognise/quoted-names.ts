import type { EntityKind } from "../../model/entity.js";
import type { Lang } from "../../model/primitives.js";
import { EN_SUFFIXES, JA_SUFFIXES, KO_SUFFIXES } from "../lexicon/suffixes.js";
import type { EntityMention } from "../types.js";
import { SuffixMatcher } from "./suffix-matcher.js";

/** A word that, right after a quoted name, says what the name is: 'X' 프로젝트, 「X」フォーラム, "X" project. */
interface TypingNoun {
  kind: EntityKind;
  type?: string;
  nouns: RegExp;
}

/** Per language, matched against the word(s) after the closing quote (after an optional 등 / 等 / など). */
const TYPING: Record<"zh" | "ja" | "ko" | "en", TypingNoun[]> = {
  ko: [
    { kind: "Technology", nouns: /^[가-힣]{0,6}(?:프로젝트|기술|제품|소재|재료|배터리|시스템|플랫폼)/ },
    {
      kind: "Event",
      type: "conference",
      nouns: /^[가-힣]{0,8}(?:대회|포럼|박람회|전시회|설명회|교류회|연결회|회의|행사|세미나|심포지엄|경진대회|엑스포)/,
    },
    { kind: "Agreement", nouns: /^[가-힣]{0,4}(?:협약|협정|양해각서|MOU)/ },
  ],
  zh: [
    { kind: "Technology", nouns: /^\p{Script=Han}{0,4}?(?:项目|技术|技能|产品|材料|资料)/u },
    {
      kind: "Event",
      type: "conference",
      nouns: /^\p{Script=Han}{0,6}?(?:大会|论坛|博览会|展览会|峰会|大赛|比赛|交流会|对接会|研讨会|发布会)/u,
    },
  ],
  ja: [
    { kind: "Technology", nouns: /^(?:プロジェクト|技術|製品|材料)/ },
    {
      kind: "Event",
      type: "conference",
      nouns: /^\p{Script=Han}{0,4}?(?:フォーラム|会議|展示会|博覧会|大会|シンポジウム|セミナー|サミット|コンテスト)/u,
    },
    { kind: "Agreement", nouns: /^(?:協定|覚書|合意書)/ },
  ],
  en: [
    { kind: "Technology", nouns: /^(?:project|technology|programme|program|product|platform)\b/i },
    { kind: "Event", type: "conference", nouns: /^(?:forum|conference|summit|expo|exhibition|competition|contest|fair|symposium)\b/i },
  ],
};

/** A word right before the opening mark that says what the name is: 국영기업인 'X', the company "X", 企业"X". */
const TYPED_BEFORE: Record<"zh" | "ja" | "ko" | "en", Array<{ kind: EntityKind; words: RegExp }>> = {
  ko: [
    { kind: "Company", words: /(?:기업|업체|회사|법인|스타트업|자회사)(?:인|이자|)\s*$/ },
    { kind: "Institution", words: /(?:대학|대학교|협회|기관|재단)(?:인|이자)\s*$/ },
  ],
  zh: [{ kind: "Company", words: /(?:企业|公司|初创企业)\s*$/ }],
  ja: [{ kind: "Company", words: /(?:企業|会社|新興企業)(?:の|である)?\s*$/ }],
  en: [{ kind: "Company", words: /\b(?:company|firm|start-?up|enterprise|subsidiary)\s*$/i }],
};

const ENDINGS = { ja: new SuffixMatcher(JA_SUFFIXES), ko: new SuffixMatcher(KO_SUFFIXES), en: new SuffixMatcher(EN_SUFFIXES) };
/** What a quoted name ending in a typing word may be (a quoted organisation name is left to the gazetteer and suffix rules). */
const SELF_TYPED = new Set<EntityKind>(["Event", "Agreement", "Lab", "Technology"]);

const QUOTES: Record<string, string> = { "'": "'", "‘": "’", "“": "”", '"': '"', "「": "」", "『": "』", "《": "》" };
const OPENING = /['‘“"「『《]/g;
/** Between two quoted names of one list: 'A', 'B' / 「A」「B」 / "A" and "B". */
const LIST_GAP = /^\s*(?:[,、，·・]\s*|와\s+|과\s+|및\s+|と|や|和|及|and\s+)?$/;
/** Before the typing word: 등 / 等 / など / and other. */
const AND_SO_ON = /^\s*(?:등|等|など|等の|and other|and similar)?\s*/;

/**
 * Names in quotation marks typed by the word after them: '고안전 대배율 아연기반 배터리' 프로젝트
 * (a technology), '송호배', '창객광둥' 등 혁신창업대회 (two events), 「X」フォーラム. A list of quoted
 * names shares the typing word after its last item.
 */
export function quotedNames(text: string, lang: Lang): EntityMention[] {
  const typing = TYPING[lang.startsWith("zh") ? "zh" : (lang as "ja" | "ko" | "en")];
  const quoted = quotedSpans(text);
  const out: EntityMention[] = [];
  let list: typeof quoted = [];
  const ending = lang.startsWith("zh") ? undefined : ENDINGS[lang as "ja" | "ko" | "en"];
  for (const [i, q] of quoted.entries()) {
    // ‘웨강아오 대만구(홍콩-선전) 비즈니스 세미나’: the name's own ending types it.
    const own = ending?.endingAt(text.slice(q.start, q.end));
    if (own && SELF_TYPED.has(own.kind) && q.end - q.start > own.text.length + 1) {
      out.push({
        start: q.start,
        end: q.end,
        surface: text.slice(q.start, q.end),
        kind: own.kind,
        subtype: own.type,
        rule: `${lang}.quoted-name`,
        confidence: 0.75,
      });
      continue;
    }
    const before = TYPED_BEFORE[lang.startsWith("zh") ? "zh" : (lang as "ja" | "ko" | "en")].find((t) =>
      t.words.test(text.slice(Math.max(0, q.open - 12), q.open)),
    );
    if (before) {
      out.push({
        start: q.start,
        end: q.end,
        surface: text.slice(q.start, q.end),
        kind: before.kind,
        rule: `${lang.startsWith("zh") ? "zh" : lang}.quoted-name.typed-before`,
        confidence: 0.6,
      });
      continue;
    }
    list.push(q);
    const next = quoted[i + 1];
    if (next && LIST_GAP.test(text.slice(q.close + 1, next.open))) continue;
    const after = text.slice(q.close + 1, q.close + 40).replace(AND_SO_ON, "");
    const typed = typing.find((t) => t.nouns.test(after));
    if (typed)
      for (const item of list)
        out.push({
          start: item.start,
          end: item.end,
          surface: text.slice(item.start, item.end),
          kind: typed.kind,
          subtype: typed.type,
          rule: `${lang.startsWith("zh") ? "zh" : lang}.quoted-name.typed`,
          confidence: 0.6,
        });
    list = [];
  }
  return out;
}

interface Quoted {
  /** The name inside the marks, trimmed. */
  start: number;
  end: number;
  /** Where the marks stand. */
  open: number;
  close: number;
}

/** The insides of quotation marks (2–60 characters, no line break), without the marks. */
function quotedSpans(text: string): Quoted[] {
  const out: Quoted[] = [];
  for (const m of text.matchAll(OPENING)) {
    const open = m.index ?? 0;
    if (out.some((q) => q.open <= open && open <= q.close)) continue;
    // An apostrophe inside a word (Macao's) opens nothing.
    if (m[0] === "'" && /[A-Za-z]/.test(text[open - 1] ?? "")) continue;
    const close = text.indexOf(QUOTES[m[0]] as string, open + 1);
    if (close < 0) continue;
    const inner = text.slice(open + 1, close);
    const trimmed = inner.trim();
    if (trimmed.length < 2 || trimmed.length > 60 || /\n/.test(inner)) continue;
    const lead = inner.length - inner.trimStart().length;
    out.push({ start: open + 1 + lead, end: open + 1 + lead + trimmed.length, open, close });
  }
  return out;
}
