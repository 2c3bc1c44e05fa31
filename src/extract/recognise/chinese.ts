import { hongKongToSimplified, japaneseToSimplified } from "../../model/chinese-script.js";
import type { Lang } from "../../model/primitives.js";
import { spunVariants } from "../gazetteer/garbled.js";
import { ZH_SURNAMES, ZH_TITLES } from "../lexicon/people.js";
import { ZH_SPUN_SUFFIXES, ZH_SUFFIXES } from "../lexicon/suffixes.js";
import type { EntityMention, Recogniser } from "../types.js";
import { type Token, tagChinese } from "./jieba.js";
import { SuffixMatcher } from "./suffix-matcher.js";

const suffixes = new SuffixMatcher([...ZH_SUFFIXES, ...ZH_SPUN_SUFFIXES]);
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
/** Localisers (方位词) end a name, except 中 (中科, 中国). */
const NAME_LOCALISERS = new Set(["中"]);
/** Tags of words that make a name specific: places, people, organisations, brands, abbreviations, unknown words. */
const SPECIFIC_TAGS = new Set(["ns", "nr", "nrt", "nrfg", "nz", "nt", "j", "eng", "x"]);
/** Verbs that do occur inside organisation names (联合实验室, 合成化学, 应用物理); other verbs end a name. */
const NAME_VERBS = new Set(
  "联合 合成 应用 创新 发展 研究 开发 设计 制造 检测 转化 孵化 投资 服务 管理 促进 交流 合作 教育 培训 生产 计算 控制 工程 储能 能源 科创 创业 育成 保护 规划 建设 协同 集成 制备 测试 监测".split(
    " ",
  ),
);
/** Words that end a name run even when jieba tags them as nouns. */
const STOP_WORDS = new Set(
  "与 和 及 以及 同 跟 由 在 于 对 向 将 把 被 为 是 有 等 的 了 并 也 还 共同 其中 目前 今年 去年 近年来 此次 本次 这 该 其 各 多家 多个 一个 首个 首届 当天 日前 近日 期间 记者 来自 包括 双方 三方 各方 企业 人才 项目 领域 方面 重点 主要 顺利 正式 成功 进一步 以来 作为 代表 获悉 报道 嘉宾 见证 获 获得 先后 条 个 家 项 座 批 台 名 位 种 类 首批 多项 国内外 国际 世界".split(
    " ",
  ),
);
/** Joining words a name may contain (应用物理及材料工程研究所) as long as what precedes is not a whole name. */
const JOINERS = new Set(["与", "及", "和"]);
// Spun text swaps a title's words too (研究员 -> 研讨员).
const TITLE_ALT = [...new Set([...ZH_TITLES, ...ZH_TITLES.flatMap(spunVariants)])].sort((a, b) => b.length - a.length).join("|");
// The name is looked ahead at, not consumed: 书记兼市人大常委会主任刘吉 holds two titles in a row.
const AFTER_TITLE = new RegExp(`(?:${TITLE_ALT})(?=(\\p{Script=Han}{2,4}))`, "gu");
// After a delimiter, or after an organisation's ending (香港科技大学李泽湘教授).
const NAME_BEFORE_TITLE = new RegExp(
  `(?<=^|[，,、。：:；;（(\\s"“和与及]|大学|学院|公司|研究院|研究所|研讨院|研讨所|中心|实验室|集团)(\\p{Script=Han}{2,3}?)(?:${TITLE_ALT})`,
  "gu",
);
/** 记者 张亦筑 / (记者 张亦筑): a reporter's credit names a person. */
const REPORTER = /记者\s?(\p{Script=Han}{2,3})(?=[)）\s,，。]|$)/gu;
const BOUNDARY =
  /^(?:[，,、。：:；;（()\s"“”]|表示|说|介绍|指出|认为|强调|出席|致辞|在|等|和|与|及|一行|率|参加|为|对|作|发表|主持|会见|带领|签署|签订|共同|分别|也|则|还|就|已|是|先生|女士|教授|院士|博士|研究员|同志|透露|向|亲自|説|先后|一同|一起|随后|团队|期望|希望|表态|称|提到|提出|谈到|宣布|坦言|寄语|勉励|感谢|欢迎|$)/u;
/** One-character words that follow a name (黄伟则强调, 孙东也表示): never its third character. */
const AFTER_NAME_CHAR = /^[则也还就已是在为对向和与及等亦均都]/u;
const MAX_NAME = 30;
/** Variant characters OpenCC leaves alone but news sites use (硏 for 研). */
const VARIANTS: Record<string, string> = { 硏: "研", 綫: "线", 峯: "峰", 衞: "卫", 兗: "兖", 汚: "污" };

/** Converts Traditional or Japanese Kanji text to Simplified; offsets stay valid (same length) or the text is kept. */
export function simplifiedView(text: string, lang: Lang): string {
  const folded = text.replace(/[硏綫峯衞兗汚]/g, (c) => VARIANTS[c] ?? c);
  const converted = lang === "ja" ? japaneseToSimplified(folded) : lang === "zh-Hant" ? hongKongToSimplified(folded) : folded;
  return converted.length === text.length ? converted : folded;
}

/**
 * Chinese: organisations, events, agreements and lines are noun runs ending in a typing suffix
 * (…大学, …实验室, …有限公司, …论坛, …协议, …中试线); people are 2–3 characters beside a title
 * (主任黄志辉, 刘琦教授) whose first character is a common surname (jieba's own person tag is too loose).
 */
export function chineseRecogniser(lang: "zh-Hans" | "zh-Hant"): Recogniser {
  return { lang, recognise: (text, view) => recogniseChinese(text, view, "zh") };
}

/** `withTags`: also take jieba's nt/nr tags (useless on Japanese, where jieba reads kana as noise). */
export function recogniseChinese(text: string, simplified: string, rulePrefix: string, withTags = true): EntityMention[] {
  const tokens = tagChinese(simplified);
  const out: EntityMention[] = [];
  const mention = (start: number, end: number, m: Omit<EntityMention, "start" | "end" | "surface">) =>
    out.push({ start, end, surface: text.slice(start, end), ...m });

  for (const [i, token] of tokens.entries()) {
    const suffix = suffixes.endingAt(simplified, token.end);
    if (suffix) {
      const start = nameStart(simplified, tokens, i, token.end - suffix.text.length, suffix.kind);
      const length = token.end - (start ?? token.end);
      // A one-character ending must be a word of its own (科技|局), not the end of one (格局, 开新局).
      const ownWord = suffix.text.length > 1 || token.word.length === 1;
      const longEnough = length > suffix.text.length && (suffix.text.length > 1 || length >= 3) && ownWord;
      const specific = !suffix.generic || hasSpecificWord(tokens, i, start ?? token.end, token.end - suffix.text.length);
      // 签署关于氢能技术研究合作框架协议: an agreement's title starts with its 关于.
      const titled =
        suffix.kind === "Agreement" && start !== undefined && simplified.slice(start - 2, start) === "关于" ? start - 2 : start;
      if (titled !== undefined && longEnough && specific && length <= MAX_NAME)
        mention(titled, token.end, { kind: suffix.kind, subtype: suffix.type, rule: `${rulePrefix}.suffix`, confidence: 0.7 });
    }
    if (!withTags) continue;
    // jieba's organisation tag is a hint for names without a typing ending (中国国际广播电台); its
    // person tag is not used: it marks common words (范畴, 齐备) as names.
    if (token.tag === "nt" && token.word.length >= 4 && !suffix && !/[化局展]$/.test(token.word))
      mention(token.start, token.end, { kind: "Institution", subtype: "other", rule: `${rulePrefix}.jieba.nt`, confidence: 0.45 });
  }
  for (const m of simplified.matchAll(/[《“"]([^《》“”"]{2,40})[》”"]/g)) {
    const inner = m[1] as string;
    const suffix = suffixes.endingAt(inner);
    if (suffix && ["Agreement", "Event", "Lab", "Technology"].includes(suffix.kind)) {
      const start = (m.index ?? 0) + 1;
      mention(start, start + inner.length, { kind: suffix.kind, subtype: suffix.type, rule: `${rulePrefix}.quoted-name`, confidence: 0.8 });
    }
  }
  // 签署合作备忘录 / 达成合作协议: an agreement named only by its kind, right after the signing verb.
  for (const m of simplified.matchAll(
    /(?:签署|签订|签约|缔结|达成|签下)了?((?:三方|双方|战略|全面|深化|补充|合作|框架|共建|科技|产学研){0,4}(?:协议|协定|备忘录|合同))/g,
  )) {
    const name = m[1] as string;
    const start = (m.index ?? 0) + m[0].length - name.length;
    const subtype = /共建/.test(name)
      ? "co-construction-agreement"
      : /备忘录/.test(name)
        ? "mou"
        : /框架/.test(name)
          ? "framework-agreement"
          : "cooperation-agreement";
    mention(start, start + name.length, { kind: "Agreement", subtype, rule: `${rulePrefix}.signed-agreement`, confidence: 0.6 });
  }
  // 《质谱成像与质谱定量分析研究》合作协议: a titled agreement, the title marks and the ending together.
  for (const m of simplified.matchAll(/《[^《》]{2,40}》(?:战略)?(?:合作|共建|框架|合作框架)?(?:协议|协定|备忘录|合同)/g)) {
    const start = m.index ?? 0;
    mention(start, start + m[0].length, {
      kind: "Agreement",
      subtype: /共建/.test(m[0]) ? "co-construction-agreement" : /备忘录/.test(m[0]) ? "mou" : "cooperation-agreement",
      rule: `${rulePrefix}.titled-agreement`,
      confidence: 0.85,
    });
  }
  // 福田区委 / 深圳市政协 / 山东省委: a place's party committee or political consultative conference.
  for (const m of simplified.matchAll(/\p{Script=Han}{2}[省市区县](?:委|政协)(?!员)/gu)) {
    const start = m.index ?? 0;
    mention(start, start + m[0].length, {
      kind: "Institution",
      subtype: "government",
      rule: `${rulePrefix}.party-committee`,
      confidence: 0.7,
    });
  }
  // 揭牌仪式, 协议签署仪式, 开幕式: a ceremony is named by what is done at it.
  for (const m of simplified.matchAll(
    /(?:协议|合作|项目)?(?:签署|签约|揭牌|启动|开幕|颁奖|奠基|授牌)(?:仪式|典礼)|(?:开幕|闭幕|启动|开工|揭牌)式/g,
  )) {
    const start = m.index ?? 0;
    mention(start, start + m[0].length, { kind: "Event", subtype: "ceremony", rule: `${rulePrefix}.ceremony`, confidence: 0.75 });
  }
  for (const item of enumeratedTechnologies(simplified, tokens))
    mention(item.start, item.end, {
      kind: "Technology",
      subtype: item.type,
      rule: `${rulePrefix}.enumerated-technology`,
      confidence: 0.55,
    });
  // Where a verb or function word of two or more characters starts (葛伟|接待): a name cannot run into it.
  const wordStarts = new Set(tokens.filter((t) => t.word.length >= 2 && /^(?:v|p|c|d|u|r|m|t|f)/.test(t.tag)).map((t) => t.start));
  for (const m of simplified.matchAll(AFTER_TITLE)) {
    const start = (m.index ?? 0) + m[0].length;
    const name = personAfterTitle(m[1] as string, simplified, start, wordStarts);
    if (!name) continue;
    mention(start, start + name.length, { kind: "Person", rule: `${rulePrefix}.person.title-before-name`, confidence: 0.75 });
  }
  for (const m of simplified.matchAll(REPORTER)) {
    const name = m[1] as string;
    const start = (m.index ?? 0) + m[0].length - name.length;
    if (isPersonName(name)) mention(start, start + name.length, { kind: "Person", rule: `${rulePrefix}.person.reporter`, confidence: 0.7 });
  }
  for (const m of simplified.matchAll(NAME_BEFORE_TITLE)) {
    const name = m[1] as string;
    if (!isPersonName(name)) continue;
    const start = (m.index ?? 0) + m[0].indexOf(name);
    mention(start, start + name.length, { kind: "Person", rule: `${rulePrefix}.person.name-before-title`, confidence: 0.6 });
  }
  return out;
}

/** Whether a token between `start` and `end` (walking back from token `last`) is a place, person, brand or unknown word. */
function hasSpecificWord(tokens: Token[], last: number, start: number, end: number): boolean {
  for (let j = last; j >= 0 && (tokens[j] as Token).end > start; j--) {
    const t = tokens[j] as Token;
    if (t.start >= start && t.end <= end && SPECIFIC_TAGS.has(t.tag)) return true;
  }
  return false;
}

/** 所长汤子康与… -> 汤子康: a 3-character name unless its third character starts a word (葛伟接待 -> 葛伟). */
function personAfterTitle(run: string, simplified: string, start: number, wordStarts: Set<number>): string | undefined {
  for (const length of [3, 2]) {
    const name = run.slice(0, length);
    if (name.length !== length || !isPersonName(name)) continue;
    if (length === 3 && (wordStarts.has(start + 2) || AFTER_NAME_CHAR.test(simplified.slice(start + 2)))) continue;
    if (length === 3 && BOUNDARY.test(simplified.slice(start + 2, start + 4)) && !BOUNDARY.test(simplified.slice(start + 3))) continue;
    if (length === 2 && !BOUNDARY.test(simplified.slice(start + 2))) continue;
    return name;
  }
  return undefined;
}

/** Where the name ending in token `head` starts: walk back over name-like tokens. */
function nameStart(simplified: string, tokens: Token[], head: number, suffixStart: number, kind: string): number | undefined {
  let start = suffixStart;
  for (let j = head; j >= 0; j--) {
    const t = tokens[j] as Token;
    if (t.start >= suffixStart) {
      start = Math.min(start, t.start);
      continue;
    }
    // 中山大学与香港地区高校合作意向协议: an agreement's title may name its parties joined by 与.
    const partiesInTitle = kind === "Agreement" && start < suffixStart && ["与", "和", "同"].includes(t.word) && j > 0;
    if (partiesInTitle || isInnerJoiner(simplified, tokens, j, start < suffixStart)) {
      start = t.start;
      continue;
    }
    const place = regionInBrackets(tokens, j);
    if (place !== undefined) {
      start = place;
      j -= 2;
      continue;
    }
    // 中华博士协会淄博 分会: a stray space between two Chinese words (a line wrap) does not end a name.
    if (t.word === " " && /\p{Script=Han}/u.test(simplified[t.start - 1] ?? "") && /\p{Script=Han}/u.test(simplified[t.end] ?? "")) {
      start = t.start;
      continue;
    }
    const verbInName = t.tag.startsWith("v") && !NAME_VERBS.has(t.word);
    const stopTag = STOP_TAGS.has(t.tag) && !NAME_LOCALISERS.has(t.word);
    if (stopTag || STOP_WORDS.has(t.word) || verbInName || /[^\p{Script=Han}A-Za-z0-9·]/u.test(t.word)) break;
    if (kind === "Technology" && endsWithName(simplified.slice(0, t.end))) break; // 公司|钠离子电池: the product is not part of the company's name
    // 行政长官李家超在开幕式: an event is not named after a post and the person holding it.
    if (kind === "Event" && (ZH_TITLES.includes(t.word) || /在$/.test(t.word))) break;
    if (suffixStart - t.start > MAX_NAME) break;
    start = t.start;
  }
  while (start < suffixStart && (JOINERS.has(simplified[start] as string) || simplified[start] === " ")) start++;
  return start < suffixStart ? start : undefined;
}

/**
 * 应用物理及材料工程研究所: 及/与 between two content nouns inside one name, when what comes before
 * is not itself a whole name or a person (香港城市大学与…, 校长宋永华及…).
 */
function isInnerJoiner(simplified: string, tokens: Token[], j: number, nameStarted: boolean): boolean {
  const t = tokens[j] as Token;
  const before = tokens[j - 1];
  const after = tokens[j + 1];
  if (!nameStarted || !JOINERS.has(t.word) || t.word === "和" || !before || !after) return false;
  const contentNoun = (x: Token) => ["n", "vn", "nz", "l"].includes(x.tag) && !ZH_TITLES.includes(x.word);
  return contentNoun(before) && contentNoun(after) && !endsWithName(simplified.slice(0, t.start)) && !endsWithPerson(simplified, t.start);
}

/** 大公坊科创(淄博)有限公司: a place in brackets inside a name; returns where the bracket opens. */
function regionInBrackets(tokens: Token[], j: number): number | undefined {
  const [open, place, close] = [tokens[j - 2], tokens[j - 1], tokens[j]];
  if (!open || !place || !close || !/^[)）]$/.test(close.word) || !/^[(（]$/.test(open.word) || place.tag !== "ns") return undefined;
  return open.start;
}

function endsWithPerson(simplified: string, at: number): boolean {
  return isPersonName(simplified.slice(at - 3, at)) || isPersonName(simplified.slice(at - 2, at));
}

/** Whether the text just before a joining word already ends as a whole name (香港城市大学与…). */
function endsWithName(before: string): boolean {
  const suffix = suffixes.endingAt(before);
  return !!suffix && suffix.kind !== "Technology";
}

/** Characters that end place and organisation names, and hardly ever a person's given name. */
const NOT_NAME_ENDINGS = new Set([..."区市省县局院所部委会司处厅园校港湾岛镇村的了和与在是等"]);

export function isPersonName(name: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(name) || NOT_NAME_ENDINGS.has(name.at(-1) as string)) return false;
  // 和李泓: a joining word before a name (和, 与 and 及 are surnames too rarely to matter).
  if (name.length === 3 && /^[和与及]/.test(name) && ZH_SURNAMES.has(name[1] as string)) return false;
  const surnamed = ZH_SURNAMES.has(name.slice(0, 2)) ? name.length >= 3 : ZH_SURNAMES.has(name[0] as string) && name.length <= 3;
  return surnamed && !(name.length === 2 && isCommonWord(name));
}

/** Tags of words that are no one's name (方面 n, 揭牌 v, 周年 t); names come back as x, nr or a (高松). */
const COMMON_TAGS = /^(?:n|v|vn|vd|t|d|p|c|r|m|q|f|s|ns|nt|nz|l|i)$/;
const commonWords = new Map<string, boolean>();

/** 方面, 成员, 揭牌: a two-character word jieba reads as one common word starts with a surname only by chance. */
function isCommonWord(word: string): boolean {
  let common = commonWords.get(word);
  if (common === undefined) {
    const tokens = tagChinese(word);
    common = tokens.length === 1 && COMMON_TAGS.test((tokens[0] as Token).tag);
    commonWords.set(word, common);
  }
  return common;
}

/** 礦物質絕緣防火電纜、軌道交通直流電纜等拳頭産品: items listed before 等 + a word for products, techniques or fields. */
const ENUMERATION =
  /((?:[^、，。；：,;:！？\s]{2,18}、)+[^、，。；：,;:！？\s]{2,18}?)(?:(?:和|及|以及)([^、，。；：,;:！？\s]{2,18}?))?等(?:多个|多项|多种|一批|一系列|多款|各类|世界|国际|国内)?[^、，。；：,;:]{0,6}?(?:产品|技术|技能|项目|领域|方向|材料|资料|设备|装备|行业|产业|范畴|应用|业务)/g;

function enumeratedTechnologies(simplified: string, tokens: Token[]): Array<{ start: number; end: number; type: string }> {
  const out: Array<{ start: number; end: number; type: string }> = [];
  for (const m of simplified.matchAll(ENUMERATION)) {
    const listStart = m.index ?? 0;
    const items: Array<{ start: number; end: number }> = [];
    let at = listStart;
    for (const part of (m[1] as string).split("、")) {
      items.push({ start: at, end: at + part.length });
      at += part.length + 1;
    }
    if (m[2]) {
      const last = simplified.indexOf(m[2], at - 1);
      if (last >= 0) items.push({ start: last, end: last + m[2].length });
    }
    // The first item may carry the verb before the list (重点展出了|矿物质…): start it after that verb.
    const first = items[0];
    if (first) {
      const verb = tokens.filter((t) => t.start >= first.start && t.end < first.end && /^(?:v|p|d|u|c|r|m|q|f|t)/.test(t.tag)).at(-1);
      if (verb) first.start = verb.end;
    }
    for (const item of items) {
      const text = simplified.slice(item.start, item.end);
      if (text.length < 2 || text.length > 16 || /[的了在是]/.test(text)) continue;
      const type = /材料|资料$/.test(text)
        ? "material"
        : /(?:电池|电缆|器|机|设备|装备|仪器|产品|系统)$/.test(text)
          ? "product"
          : "technology";
      out.push({ ...item, type });
    }
  }
  return out;
}
