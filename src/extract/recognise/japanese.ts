import type kuromoji from "kuromoji";
import { JA_TITLES } from "../lexicon/people.js";
import { JA_SUFFIXES } from "../lexicon/suffixes.js";
import type { EntityMention, Recogniser } from "../types.js";
import { isPersonName, recogniseChinese, simplifiedView } from "./chinese.js";
import { type JaToken, tokensOf } from "./kuromoji.js";
import { SuffixMatcher } from "./suffix-matcher.js";

const suffixes = new SuffixMatcher(JA_SUFFIXES);
const KANJI_NAME_SAN = /(\p{Script=Han}{2,4})氏/gu;
const MAX_NAME = 30;
const JAPANESE_SCRIPT = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u;

/**
 * Japanese: Kanji names are found as in Chinese (on the text converted to Simplified, same
 * offsets), plus kuromoji's proper nouns (固有名詞 組織/地域/人名), noun runs ending in an
 * organisation suffix (…株式会社, …センター, …フォーラム), and `(Kanji 2–4)氏` for people.
 */
export function japaneseRecogniser(tokenizer: kuromoji.Tokenizer<kuromoji.IpadicFeatures>): Recogniser {
  return {
    lang: "ja",
    recognise(text, view) {
      const out = recogniseChinese(text, view, "ja", false)
        .filter((m) => !/[\p{Script=Hiragana}]/u.test(m.surface))
        .map((m) => withoutPointer(m, text));
      const tokens = tokensOf(tokenizer, text);
      const mention = (start: number, end: number, m: Omit<EntityMention, "start" | "end" | "surface">) =>
        out.push({ start, end, surface: text.slice(start, end), ...m });
      for (const whole of nounRuns(tokens)) {
        // 同省科学技術庁: 同省 ("that province") points back; the name is what follows it.
        const from = text[whole.start - 1] === "同" ? whole.start - 1 : whole.start;
        const pointer = /^同(?:省|市|県|区|社|大学|国)/.exec(text.slice(from, whole.end));
        const run = pointer ? { start: from + pointer[0].length, end: whole.end } : whole;
        const surface = text.slice(run.start, run.end);
        const suffix = suffixes.endingAt(surface);
        if (suffix && surface.length > suffix.text.length && surface.length <= MAX_NAME)
          mention(run.start, run.end, { kind: suffix.kind, subtype: suffix.type, rule: "ja.suffix", confidence: 0.65 });
      }
      for (const t of tokens) {
        if (t.pos !== "名詞" || t.detail1 !== "固有名詞" || t.surface.length < 2 || !JAPANESE_SCRIPT.test(t.surface)) continue;
        if (t.detail2 === "組織")
          mention(t.start, t.end, { kind: "Institution", subtype: "other", rule: "ja.kuromoji.organization", confidence: 0.45 });
        if (t.detail2 === "地域")
          mention(t.start, t.end, { kind: "Region", subtype: "city", rule: "ja.kuromoji.region", confidence: 0.45 });
      }
      // 覚書を締結 / 協定に調印: an agreement named only by its kind, before the signing verb.
      for (const m of text.matchAll(
        /((?:包括|戦略的|共同|学術|研究|協力|連携|交流|相互){0,3}(?:協力協定|協定書|協定|覚書|契約|合意書|MOU))(?:を|に)(?:締結|調印|署名|結ん|交わ)/g,
      )) {
        const name = m[1] as string;
        const start = m.index ?? 0;
        mention(start, start + name.length, {
          kind: "Agreement",
          subtype: /覚書|MOU/.test(name) ? "mou" : "cooperation-agreement",
          rule: "ja.signed-agreement",
          confidence: 0.6,
        });
      }
      // 孫東(そん・とう)局長: a Kanji name followed by its reading in kana is a person (news style).
      for (const m of text.matchAll(/(\p{Script=Han}{2,4})[(（][\p{Script=Hiragana}\p{Script=Katakana}ー・]{2,16}[)）]/gu)) {
        const trimmed = trimToName(m[1] as string);
        const end = (m.index ?? 0) + (m[1] as string).length;
        if (trimmed) mention(end - trimmed.length, end, { kind: "Person", rule: "ja.person.reading", confidence: 0.8 });
      }
      // 香港科技大の史維学長 / 同社の王伝福会長: a Chinese name between の and a post (without 氏).
      for (const m of text.matchAll(NAME_BEFORE_POST)) {
        const name = m[1] as string;
        const start = (m.index ?? 0) + 1;
        if (isPersonName(simplifiedView(name, "ja")))
          mention(start, start + name.length, { kind: "Person", rule: "ja.person.before-post", confidence: 0.65 });
      }
      // 新華社記者/盧燁: a reporter's credit.
      for (const m of text.matchAll(/(?:記者|撮影)[/／](\p{Script=Han}{2,3})/gu)) {
        const start = (m.index ?? 0) + m[0].length - (m[1] as string).length;
        if (isPersonName(simplifiedView(m[1] as string, "ja")))
          mention(start, start + (m[1] as string).length, { kind: "Person", rule: "ja.person.credit", confidence: 0.7 });
      }
      for (const m of text.matchAll(KANJI_NAME_SAN)) {
        const name = m[1] as string;
        const start = m.index ?? 0;
        const trimmed = trimToName(name);
        if (trimmed)
          mention(start + name.length - trimmed.length, start + name.length, { kind: "Person", rule: "ja.person.shi", confidence: 0.8 });
      }
      return out;
    },
  };
}

const NAME_BEFORE_POST = new RegExp(String.raw`の(\p{Script=Han}{2,3}?)(?:${JA_TITLES.join("|")})(?![\p{Script=Han}])`, "gu");

/** 同省科学技術庁: after 同 ("that"), 省/市/社 points back and is not part of the name. */
function withoutPointer(m: EntityMention, text: string): EntityMention {
  if (text[m.start - 1] !== "同" || !/^[省市県区社国]./u.test(m.surface)) return m;
  return { ...m, start: m.start + 1, surface: m.surface.slice(1) };
}

/** `(…の)宋軍継氏`: the last 2–4 Kanji that read as a Chinese personal name, else the last 3. */
function trimToName(kanji: string): string | undefined {
  for (const len of [3, 2, 4]) {
    const name = kanji.slice(-len);
    if (name.length === len && isPersonName(simplifiedView(name, "ja"))) return name;
  }
  return kanji.length >= 2 ? kanji.slice(-Math.min(3, kanji.length)) : undefined;
}

/** Runs of consecutive nouns (not pronouns, numbers or dependent nouns) and katakana. */
function nounRuns(tokens: JaToken[]): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number }> = [];
  let current: { start: number; end: number } | undefined;
  for (const [i, t] of tokens.entries()) {
    const nounish =
      (t.pos === "名詞" && !["代名詞", "数", "非自立", "接尾"].includes(t.detail1)) ||
      (t.pos === "名詞" && t.detail1 === "接尾" && t.detail2 !== "助数詞") ||
      t.pos === "接頭詞";
    // 河套深セン・香港科学技術協力区: a middle dot between two nouns joins one name.
    const joiningDot = t.surface === "・" && current?.end === t.start && tokens[i + 1]?.pos === "名詞";
    if ((nounish || joiningDot) && current && current.end === t.start) current.end = t.end;
    else if (nounish) {
      current = { start: t.start, end: t.end };
      runs.push(current);
    } else current = undefined;
  }
  return runs;
}
