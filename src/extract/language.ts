import { detectAll } from "tinyld";
import { toSimplified, toTraditional } from "../model/chinese-script.js";
import type { Lang } from "../model/primitives.js";
import { ExtractInputError } from "./input.js";

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/**
 * The article's language from its scripts: Hangul is Korean; kana among Kanji is Japanese; Han
 * alone is Chinese, Traditional or Simplified by which characters differ from their other form;
 * Latin text goes to tinyld, and only English is supported.
 */
export function detectLanguage(text: string, source = "input"): Lang {
  const sample = text.slice(0, 20_000);
  const hangul = count(sample, /\p{Script=Hangul}/gu);
  const kana = count(sample, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const han = count(sample, /\p{Script=Han}/gu);
  const latin = count(sample, /\p{Script=Latin}/gu);
  const letters = hangul + kana + han + latin;
  if (letters === 0) throw new ExtractInputError(source, "has no letters in any script; cannot tell its language");
  if (hangul / letters > 0.2) return "ko";
  if (kana >= 5 && kana / (kana + han) > 0.05) return "ja";
  if (han / letters > 0.3) return chineseScript(sample);
  // Names (Qianhai, Shenzhen, Ho Cheung) can tip tinyld to Indonesian; English's own small words do not lie.
  if (englishFunctionWordShare(sample) >= 0.12) return "en";
  const guesses = detectAll(sample);
  const best = guesses[0];
  if (best?.lang === "en" || (!best && latin > 0)) return "en";
  throw new ExtractInputError(
    source,
    `is in a language the extractor does not support (looks like "${best?.lang}"); supported: Simplified and Traditional Chinese, Japanese, Korean, English`,
  );
}

const ENGLISH_FUNCTION_WORDS = new Set(
  "the and of to in for with on at by from was were is are be been has have had its their this that which a an as will".split(" "),
);

/** The share of words that are English function words (about a quarter in English news, near none in other languages). */
function englishFunctionWordShare(text: string): number {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.length < 20) return 0;
  return words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length / words.length;
}

function chineseScript(text: string): "zh-Hans" | "zh-Hant" {
  const han = [...text].filter((c) => /\p{Script=Han}/u.test(c)).join("");
  const simplified = toSimplified(han);
  const traditional = toTraditional(han);
  let traditionalOnly = 0;
  let simplifiedOnly = 0;
  for (let i = 0; i < han.length; i++) {
    if (simplified[i] !== han[i]) traditionalOnly++;
    if (traditional[i] !== han[i]) simplifiedOnly++;
  }
  return traditionalOnly > simplifiedOnly ? "zh-Hant" : "zh-Hans";
}
