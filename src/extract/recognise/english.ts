import { EN_TITLES } from "../lexicon/people.js";
import { EN_SUFFIXES } from "../lexicon/suffixes.js";
import type { EntityMention, Recogniser } from "../types.js";
import { SuffixMatcher } from "./suffix-matcher.js";

const suffixes = new SuffixMatcher(EN_SUFFIXES);
const CAP = String.raw`(?:[A-Z][\w'&.-]*|[A-Z]{2,}|\d+[A-Za-z]*)`;
const JOIN = String.raw`(?:\s+(?:of|and|for|the|on|in|de|&)\s+|\s+|-)`;
/** Capitalised spans joined by of/and/for/the: The Hong Kong University of Science and Technology. */
const SPAN = new RegExp(`${CAP}(?:${JOIN}${CAP})*`, "g");
const TITLE_ALT = EN_TITLES.map((t) => t.replace(".", "\\.")).join("|");
const PERSON_AFTER_TITLE = new RegExp(String.raw`\b(?:${TITLE_ALT})\s+((?:[A-Z][a-z]+[\s-]){0,2}[A-Z][a-z]+)`, "g");
const SIGNED_AGREEMENT =
  /\b(?:signed|inked|concluded|entered into)\s+(?:an?|the|two|three|several)\s+((?:[\w-]+\s+){0,4}?(?:agreements?|memorand(?:um|a) of understanding|MoUs?|MOUs?|contracts?))\b/gi;
const SENTENCE_STARTERS = new Set([
  "The",
  "A",
  "An",
  "In",
  "On",
  "At",
  "This",
  "That",
  "It",
  "He",
  "She",
  "They",
  "We",
  "Its",
  "Their",
  "According",
  "With",
  "By",
  "For",
]);

/**
 * English: capitalised spans typed by their last words (…University, …Institute, …Laboratory,
 * …Co., Ltd., …Forum, …Agreement); people after a title (Professor Li Qi).
 */
export function englishRecogniser(): Recogniser {
  return {
    lang: "en",
    recognise(text) {
      const out: EntityMention[] = [];
      for (const m of text.matchAll(SPAN)) {
        let start = m.index ?? 0;
        let surface = m[0].replace(/[\s.,-]+$/, (tail) => (/^\.$/.test(tail) && /(?:Co|Ltd|Inc)$/.test(m[0].slice(0, -1)) ? tail : ""));
        const firstWord = surface.split(/\s+/)[0] as string;
        if (SENTENCE_STARTERS.has(firstWord) && surface.includes(" ")) {
          const cut = surface.indexOf(" ") + 1;
          start += cut;
          surface = surface.slice(cut);
        }
        const suffix = suffixes.endingAt(surface) ?? headSuffix(surface);
        if (suffix && surface.length > suffix.text.length + 1) {
          out.push({
            start,
            end: start + surface.length,
            surface,
            kind: suffix.kind,
            subtype: suffix.type,
            rule: "en.capitalised-span",
            confidence: 0.7,
          });
        }
      }
      // "signed a strategic cooperation agreement": an agreement named only by its kind.
      for (const m of text.matchAll(SIGNED_AGREEMENT)) {
        const name = m[1] as string;
        const start = (m.index ?? 0) + m[0].length - name.length;
        const type = /memorandum|mou/i.test(name)
          ? "mou"
          : /framework/i.test(name)
            ? "framework-agreement"
            : /contract/i.test(name)
              ? "contract"
              : "cooperation-agreement";
        out.push({
          start,
          end: start + name.length,
          surface: name,
          kind: "Agreement",
          subtype: type,
          rule: "en.signed-agreement",
          confidence: 0.6,
        });
      }
      for (const m of text.matchAll(PERSON_AFTER_TITLE)) {
        const name = m[1] as string;
        const start = (m.index ?? 0) + m[0].length - name.length;
        out.push({ start, end: start + name.length, surface: name, kind: "Person", rule: "en.person.title-before-name", confidence: 0.7 });
      }
      return out;
    },
  };
}

/** "University of Hong Kong", "Shenzhen Institute of Advanced Research": the typing word is followed by "of …". */
function headSuffix(surface: string) {
  for (const m of surface.matchAll(/([A-Z][a-z]+)\s+(?:of|for)\s+/g)) {
    const suffix = suffixes.endingAt(m[1] as string);
    if (suffix) return suffix;
  }
  return undefined;
}
