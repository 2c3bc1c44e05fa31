import { EN_TITLES, EN_POST_HEADS as POST_HEADS, EN_POST_MODIFIERS as POST_MODIFIERS } from "../lexicon/people.js";
import { EN_SUFFIXES } from "../lexicon/suffixes.js";
import type { EntityMention, Recogniser } from "../types.js";
import { SuffixMatcher } from "./suffix-matcher.js";

const suffixes = new SuffixMatcher(EN_SUFFIXES);
// A word's full stop ends the name unless it abbreviates (Co., Ltd.); names never run over a line end.
const CAP = String.raw`(?:(?:Co|Ltd|Inc|Corp|Bhd)\.|[A-Z][\w'&-]*(?:\.[A-Z][\w'&-]*)*|[A-Z]{2,}|\d+[A-Za-z]*)`;
const JOIN = String.raw`(?:[ \t]+(?:of|and|for|the|on|in|de|&)[ \t]+|[ \t]+|-)`;
/** Capitalised spans joined by of/and/for/the: The Hong Kong University of Science and Technology. */
const SPAN = new RegExp(`${CAP}(?:${JOIN}${CAP})*`, "g");
const TITLE_ALT = EN_TITLES.map((t) => t.replace(".", "\\.")).join("|");
/** A name's word: Paul, Mo-po, McKinsey. */
const NAME_WORD = String.raw`[A-Z][a-z]+(?:-[a-z]+)?`;
const PERSON_AFTER_TITLE = new RegExp(String.raw`\b(?:${TITLE_ALT})[ \t]+((?:${NAME_WORD}[ \t-]){0,3}${NAME_WORD})`, "g");
/** "Nancy Ip, President of HKUST" / "Chan Ka-keung, the Chief Executive": a name followed by a post. */
const PERSON_BEFORE_POST = new RegExp(
  String.raw`\b(${NAME_WORD}(?:[ \t-]${NAME_WORD}){1,3}),\s+(?:the\s+)?(?:(?:${POST_MODIFIERS.join("|")})[\s-])*(?:${POST_HEADS.join("|")})\b`,
  "g",
);
/** "Science, Technology and Innovation Commission", "Institute for Innovation, Translation and Policy Research". */
const LISTED_WORDS =
  /^,\s+((?:[A-Z][a-z]+\s+)*[A-Z][a-z]+(?:,\s+(?:[A-Z][a-z]+\s+)*[A-Z][a-z]+)*,?\s+and\s+[A-Z][a-z]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w-]*)*)/;
const SIGNED_AGREEMENT =
  /\b(?:signed|inked|concluded|entered into)\s+(?:an?|the|two|three|several)\s+((?:[\w-]+\s+){0,4}?(?:agreements?|memorand(?:um|a) of understanding|MoUs?|MOUs?|contracts?))\b/gi;
/** "the strategic cooperation agreement between CityU and SJTU": an agreement named by its kind and its parties. */
const AGREEMENT_BETWEEN =
  /\b(?:[Aa]n?|[Tt]he)\s+((?:[a-z-]+\s+){0,3}?(?:agreement|memorandum of understanding|MoU|MOU|contract))\s+(?:between|with)\b/g;
/** "held an unveiling ceremony", "the agreement signing ceremony": an event named by what happens at it. */
const CEREMONY = /\b(?:an?|the)\s+((?:[a-z-]+\s+){1,2}?(?:ceremony|seminar|symposium|workshop|roundtable|matchmaking session))\b/gi;
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
        const listed = withListedWords(text, start, surface);
        if (listed) surface = listed;
        // "Deputy Director of Education Bureau of Shenzhen Municipality": the post is no part of the name.
        const afterPost = withoutPost(surface);
        if (afterPost === "") continue;
        start += surface.length - afterPost.length;
        surface = afterPost;
        const suffix = headBeforeOf(surface) ?? suffixes.endingAt(surface) ?? headSuffix(surface);
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
        const type = agreementType(name);
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
      for (const m of text.matchAll(AGREEMENT_BETWEEN))
        out.push(named(m, "Agreement", agreementType(m[1] as string), "en.agreement-between", 0.55));
      for (const m of text.matchAll(CEREMONY)) {
        if (/^(?:same|this|that|whole|first|second|next|last|online)\s/i.test(m[1] as string)) continue;
        out.push(named(m, "Event", /ceremony/i.test(m[1] as string) ? "ceremony" : "conference", "en.event-by-kind", 0.5));
      }
      for (const m of text.matchAll(PERSON_AFTER_TITLE)) {
        const name = m[1] as string;
        if (isPostWord(name)) continue; // "Deputy Director-General": a post, not a name
        const start = (m.index ?? 0) + m[0].length - name.length;
        out.push({ start, end: start + name.length, surface: name, kind: "Person", rule: "en.person.title-before-name", confidence: 0.7 });
      }
      for (const m of text.matchAll(PERSON_BEFORE_POST)) {
        const words = (m[1] as string).split(/\s+/);
        // "Professor Alexander Wai, President…": the title before the name is no part of it.
        while (words.length > 2 && EN_TITLES.includes(words[0] as string)) words.shift();
        const name = words.join(" ");
        if (
          isPostWord(name) ||
          EN_TITLES.includes(words[0] as string) ||
          SENTENCE_STARTERS.has(words[0] as string) ||
          suffixes.endingAt(name)
        )
          continue;
        const start = (m.index ?? 0) + (m[1] as string).length - name.length;
        out.push({ start, end: start + name.length, surface: name, kind: "Person", rule: "en.person.name-before-post", confidence: 0.6 });
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

/**
 * A span cut at a comma that goes on as a list of capitalised words ending in "and …": the list
 * belongs to the name when the whole is typed as an organisation and no item before the last is
 * one itself ("Tsinghua University, Peking University and …" stays three names).
 */
function withListedWords(text: string, start: number, surface: string): string | undefined {
  const rest = LISTED_WORDS.exec(text.slice(start + surface.length));
  if (!rest) return undefined;
  const whole = `${surface}${rest[0].replace(/[\s.,]+$/, "")}`;
  const items = [surface, ...(rest[1] as string).split(/,\s+|\s+and\s+/)].slice(0, -1);
  if (items.some((item) => suffixes.endingAt(item.trim()))) return undefined;
  return suffixes.endingAt(whole) || headSuffix(whole) ? whole : undefined;
}

/** Words of a post (Director, General, Chancellor): never a person's name. */
function isPostWord(name: string): boolean {
  return name.split(/[\s-]+/).every((w) => POST_HEADS.includes(w) || POST_MODIFIERS.includes(w) || w === "General");
}

/** A name that starts with a post ("Secretary for Innovation … of the HKSAR Government"): the organisation after its last "of", or "" when there is none. */
function withoutPost(surface: string): string {
  const first = surface.split(/[\s-]/)[0] as string;
  if (!POST_HEADS.includes(first) && !POST_MODIFIERS.includes(first)) return surface;
  const parts = surface.split(/\s+of\s+(?:the\s+)?/);
  for (let i = 1; i < parts.length; i++) {
    const rest = parts.slice(i).join(" of ");
    if (suffixes.endingAt(rest) || headSuffix(rest))
      return surface.slice(surface.length - surface.slice(surface.indexOf(parts[i] as string)).length);
  }
  return "";
}

/** "Party Working Committee of Qianhai Cooperation Zone": the words before "of" say what it is, not the place after. */
function headBeforeOf(surface: string) {
  const head = /^(.+?)\s+of\s+/.exec(surface)?.[1];
  return head ? suffixes.endingAt(head) : undefined;
}

function agreementType(name: string): string {
  if (/memorandum|mou/i.test(name)) return "mou";
  if (/framework/i.test(name)) return "framework-agreement";
  if (/contract/i.test(name)) return "contract";
  return "cooperation-agreement";
}

/** A mention for the first group of a match. */
function named(m: RegExpMatchArray, kind: EntityMention["kind"], subtype: string, rule: string, confidence: number): EntityMention {
  const name = m[1] as string;
  const start = (m.index ?? 0) + m[0].indexOf(name);
  return { start, end: start + name.length, surface: name, kind, subtype, rule, confidence };
}
