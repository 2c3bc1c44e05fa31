import type { Lang } from "../model/primitives.js";
import { clauseSpans, sentenceSpans } from "./text-spans.js";
import type { EntityMention, FoundMeasure } from "./types.js";

interface UnitRule {
  pattern: RegExp;
  unit: (m: RegExpMatchArray) => string;
  scale: (m: RegExpMatchArray) => number;
}

const QUALIFIER_WORDS: Array<[RegExp, FoundMeasure["qualifier"]]> = [
  [/(?:超过|超|逾|以上|多|余|超え|以上|여|넘|이상|over|more than)/i, "over"],
  [/(?:约|近|左右|大约|約|약|about|around|nearly)/i, "about"],
  [/(?:至少|at least)/i, "at-least"],
];

const CJK_SCALE: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8, 만: 1e4, 억: 1e8, 千: 1e3, 천: 1e3 };
const EN_SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const scaleOf = (word: string | undefined, table: Record<string, number>) => (word ? (table[word.toLowerCase()] ?? 1) : 1);

/** Number, multiplier, unit: 1.5亿元, 5万平方米, 54项, 200余家, 70여 명, 280 mAh/g, HK$1.2 billion. */
const RULES: Record<"cjk" | "en", UnitRule> = {
  cjk: {
    pattern:
      /(\d+(?:[.,]\d+)*)\s*(万|萬|亿|億|千|만|억|천)?\s*(余|多|여)?\s*(亿元|万元|億円|億元|元|円|美元|港元|위안|달러|원|mAh\/g|GWh|MWh|kWh|吨|トン|톤|平方米|㎡|亩|家|社|곳|个|個|개|项|項|件|건|名|人|명|位|条|条|줄|台|대|%|％|倍|배)/g,
    unit: (m) => normaliseUnit(m[4] as string),
    scale: (m) => scaleOf(m[2], CJK_SCALE) * (/^(亿元|億元|億円)$/.test(m[4] as string) ? 1e8 : /^万元$/.test(m[4] as string) ? 1e4 : 1),
  },
  en: {
    pattern:
      /(?:HK\$|US\$|RMB\s?|\$)?(\d+(?:[.,]\d+)*)\s*(thousand|million|billion)?\s*(yuan|RMB|dollars|people|participants|companies|enterprises|projects|patents|tonnes|tons|mAh\/g|GWh|MWh|%|per cent|percent)/gi,
    unit: (m) => normaliseUnit((m[3] as string).toLowerCase()),
    scale: (m) => scaleOf(m[2], EN_SCALE),
  },
};

const UNIT_NAMES: Record<string, string> = {
  亿元: "CNY",
  万元: "CNY",
  億元: "CNY",
  元: "CNY",
  위안: "CNY",
  yuan: "CNY",
  rmb: "CNY",
  美元: "USD",
  달러: "USD",
  dollars: "USD",
  港元: "HKD",
  億円: "JPY",
  円: "JPY",
  원: "KRW",
  吨: "t",
  トン: "t",
  톤: "t",
  tonnes: "t",
  tons: "t",
  平方米: "m2",
  "㎡": "m2",
  亩: "mu",
  家: "organisations",
  社: "organisations",
  곳: "organisations",
  companies: "organisations",
  enterprises: "organisations",
  个: "items",
  個: "items",
  개: "items",
  项: "items",
  項: "items",
  件: "items",
  건: "items",
  projects: "projects",
  patents: "patents",
  名: "people",
  人: "people",
  명: "people",
  位: "people",
  people: "people",
  participants: "people",
  条: "lines",
  줄: "lines",
  台: "units",
  대: "units",
  "%": "%",
  "％": "%",
  "per cent": "%",
  percent: "%",
  倍: "times",
  배: "times",
};

function normaliseUnit(raw: string): string {
  return UNIT_NAMES[raw] ?? raw;
}

/** What the number counts, from the words just before or after it (专利 -> patents). */
const METRIC_WORDS: Array<[RegExp, string]> = [
  [/专利|專利|特許|특허|patent/i, "patents"],
  [/企业|企業|公司|기업|회사|compan|enterprise/i, "companies"],
  [/项目|項目|프로젝트|project/i, "projects"],
  [/收入|营收|營收|売上|매출|revenue/i, "revenue"],
  [/投资|投資|出资|出資|투자|invest/i, "investment"],
  [/面积|面積|면적|场所|場所|area/i, "floor-area"],
  [/产能|產能|生産能力|생산능력|capacity/i, "capacity"],
  [/嘉宾|代表|人员|人員|参会|参加|참가|참석|participant|attend|guest/i, "participants"],
  [/人才|团队|團隊|팀|team/i, "teams"],
  [/成果/, "results"],
  [/中试线|生产线|產線|产线|ライン|라인|line/i, "production-lines"],
];

/**
 * Numbers with units in each sentence, attached to the nearest entity mention before them in the
 * same sentence (else after). The metric comes from the words around the number; the quote is its clause.
 */
export function findMeasures(text: string, lang: Lang, mentions: EntityMention[]): FoundMeasure[] {
  const rule = RULES[lang === "en" ? "en" : "cjk"];
  const out: FoundMeasure[] = [];
  for (const sentence of sentenceSpans(text)) {
    const inside = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end && m.kind !== "Person");
    if (inside.length === 0) continue;
    const clauses = clauseSpans(text, sentence);
    const slice = text.slice(sentence.start, sentence.end);
    for (const m of slice.matchAll(rule.pattern)) {
      const start = sentence.start + (m.index ?? 0);
      const end = start + m[0].length;
      if (/\d/.test(text[start - 1] ?? "") || /^(19|20)\d\d$/.test(m[1] as string)) continue;
      const value = Number((m[1] as string).replace(/,/g, "")) * rule.scale(m);
      if (!Number.isFinite(value)) continue;
      const clause = clauses.find((c) => c.start <= start && end <= c.end) ?? { start, end };
      const context = text.slice(Math.max(clause.start, start - 12), Math.min(clause.end, end + 8));
      const entity = [...inside].filter((x) => x.end <= start).sort((a, b) => b.end - a.end)[0] ?? inside.find((x) => x.start >= end);
      if (!entity) continue;
      const qualifier = QUALIFIER_WORDS.find(([re]) => re.test(text.slice(Math.max(clause.start, start - 4), end + 3)))?.[1] ?? "exact";
      const metric =
        METRIC_WORDS.find(([re]) => re.test(context))?.[1] ??
        `count-${
          rule
            .unit(m)
            .replace(/[^a-z0-9]+/gi, "-")
            .toLowerCase() || "value"
        }`;
      out.push({
        entity,
        metric: metric.replace(/^-+|-+$/g, "") || "value",
        value,
        unit: rule.unit(m),
        qualifier,
        quote: clause,
        rule: `${lang === "en" ? "en" : "cjk"}.measure.number-unit`,
        confidence: 0.45,
      });
    }
  }
  return out;
}
