import * as OpenCC from "opencc-js";
import type { Lang } from "../../model/primitives.js";
import { ZH_SURNAMES, ZH_TITLES } from "../lexicon/people.js";
import { ZH_SUFFIXES } from "../lexicon/suffixes.js";
import type { EntityMention, Recogniser } from "../types.js";
import { type Token, tagChinese } from "./jieba.js";
import { SuffixMatcher } from "./suffix-matcher.js";

const hkToCn = OpenCC.Converter({ from: "hk", to: "cn" });
const jpToCn = OpenCC.Converter({ from: "jp", to: "cn" });

const suffixes = new SuffixMatcher(ZH_SUFFIXES);
/** Tags that never belong inside an organisation's name (prepositions, particles, pronouns, adverbs...). */
const STOP_TAGS = new Set([
  "p",
  "c",
  "uj",
  "ul",
  "uz",
  "ug",
  "ud",
  "uv",
  "u",
  "d",
  "r",
  "x",
  "w",
  "y",
  "e",
  "o",
  "zg",
  "m",
  "q",
  "mq",
  "f",
  "t",
]);
/** Words that end a name run even when jieba tags them as nouns or verbs. */
const STOP_WORDS = new Set(
  "与 和 及 以及 同 跟 由 在 于 对 向 将 把 被 为 是 有 等 的 了 并 也 还 共同 联合 合作 共建 签署 签订 签约 成立 设立 建立 举办 举行 召开 主办 承办 协办 出席 参加 参与 表示 介绍 指出 认为 说 位于 落户 启动 揭牌 达成 推动 促进 打造 围绕 通过 依托 引进 引入 开展 加强 深化 支持 指导 携手 宣布 发布 获得 完成 其中 目前 今年 去年 近年来 此次 本次 这 该 其 各 多家 多个 一个 首个 首届 当天 日前 近日 期间 记者 来自 包括 双方 三方 各方 企业 人才 项目 领域 方面 重点 主要 顺利 正式 成功 进一步 以来 以及 作为 代表 获悉 报道".split(
    " ",
  ),
);
const TITLE_ALT = [...ZH_TITLES].sort((a, b) => b.length - a.length).join("|");
const NAME_AFTER_TITLE = new RegExp(
  `(?:${TITLE_ALT})([\\p{Script=Han}]{2,3}?)(?=[，,、。：:；;（(\\s"“]|表示|说|介绍|指出|认为|强调|出席|致辞|在|等|和|与|及|一行|率|参加|为|对|作|发表|主持|会见|带领|$)`,
  "gu",
);
const NAME_BEFORE_TITLE = new RegExp(`(?<=^|[，,、。：:；;（(\\s"“和与及])([\\p{Script=Han}]{2,3}?)(?:${TITLE_ALT})`, "gu");
const MAX_NAME = 26;

/** Converts Traditional or Japanese Kanji text to Simplified; offsets stay valid (same length) or the text is kept. */
export function simplifiedView(text: string, lang: Lang): string {
  const converted = lang === "ja" ? jpToCn(text) : lang === "zh-Hant" ? hkToCn(text) : text;
  return converted.length === text.length ? converted : text;
}

/**
 * Chinese: organisations, events, agreements and lines are noun runs ending in a typing suffix
 * (…大学, …实验室, …有限公司, …论坛, …协议, …中试线); people are 2–3 characters beside a title
 * (主任黄志辉, 刘琦教授) or jieba `nr` tokens starting with a surname; places are jieba `ns` tokens.
 */
export function chineseRecogniser(lang: "zh-Hans" | "zh-Hant"): Recogniser {
  return { lang, recognise: (text) => recogniseChinese(text, simplifiedView(text, lang), "zh") };
}

/** `withTags`: also take jieba's ns/nt/nr tags (useless on Japanese, where jieba reads kana as noise). */
export function recogniseChinese(text: string, simplified: string, rulePrefix: string, withTags = true): EntityMention[] {
  const tokens = tagChinese(simplified);
  const out: EntityMention[] = [];
  const mention = (start: number, end: number, m: Omit<EntityMention, "start" | "end" | "surface">) =>
    out.push({ start, end, surface: text.slice(start, end), ...m });

  for (const [i, token] of tokens.entries()) {
    const suffix = suffixes.endingAt(simplified, token.end);
    if (suffix && token.end - suffix.text.length >= (tokens[0]?.start ?? 0)) {
      const start = nameStart(tokens, i, token.end - suffix.text.length);
      if (
        start !== undefined &&
        token.end - start > suffix.text.length + (suffix.text.length === 1 ? 2 : 0) &&
        token.end - start <= MAX_NAME
      ) {
        mention(start, token.end, { kind: suffix.kind, subtype: suffix.type, rule: `${rulePrefix}.suffix`, confidence: 0.7 });
      }
    }
    if (!withTags) continue;
    if (token.tag === "ns" && token.word.length >= 2)
      mention(token.start, token.end, { kind: "Region", subtype: "city", rule: `${rulePrefix}.jieba.ns`, confidence: 0.5 });
    if (token.tag === "nt" && token.word.length >= 3 && !suffix)
      mention(token.start, token.end, { kind: "Institution", subtype: "other", rule: `${rulePrefix}.jieba.nt`, confidence: 0.45 });
    if (token.tag === "nr" && isPersonName(token.word))
      mention(token.start, token.end, { kind: "Person", rule: `${rulePrefix}.jieba.nr`, confidence: 0.45 });
  }
  for (const m of simplified.matchAll(/《([^《》]{2,40})》/g)) {
    const inner = m[1] as string;
    const suffix = suffixes.endingAt(inner);
    if (suffix && (suffix.kind === "Agreement" || suffix.kind === "Event")) {
      const start = (m.index ?? 0) + 1;
      mention(start, start + inner.length, { kind: suffix.kind, subtype: suffix.type, rule: `${rulePrefix}.title-marks`, confidence: 0.8 });
    }
  }
  for (const [re, rule, confidence] of [
    [NAME_AFTER_TITLE, "title-before-name", 0.75],
    [NAME_BEFORE_TITLE, "name-before-title", 0.6],
  ] as const) {
    for (const m of simplified.matchAll(re)) {
      const name = m[1] as string;
      if (!isPersonName(name)) continue;
      const start = (m.index ?? 0) + m[0].indexOf(name);
      mention(start, start + name.length, { kind: "Person", rule: `${rulePrefix}.person.${rule}`, confidence });
    }
  }
  return out;
}

/** Where the name ending in token `head` starts: walk back over name-like tokens. */
function nameStart(tokens: Token[], head: number, suffixStart: number): number | undefined {
  let start = suffixStart;
  for (let j = head; j >= 0; j--) {
    const t = tokens[j] as Token;
    if (t.start >= suffixStart) {
      start = Math.min(start, t.start);
      continue;
    }
    if (STOP_TAGS.has(t.tag) || STOP_WORDS.has(t.word) || /[^\p{Script=Han}A-Za-z0-9()（）·]/u.test(t.word)) break;
    if (suffixStart - t.start > MAX_NAME) break;
    start = t.start;
  }
  return start < suffixStart ? start : undefined;
}

export function isPersonName(name: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(name)) return false;
  return ZH_SURNAMES.has(name.slice(0, 2)) ? name.length >= 3 : ZH_SURNAMES.has(name[0] as string) && name.length <= 3;
}
