import { isKoreanPost, KO_TITLES } from "../lexicon/people.js";
import { KO_SUFFIXES } from "../lexicon/suffixes.js";
import type { EntityMention, Recogniser } from "../types.js";
import { koreanTokens } from "./lindera.js";
import { SuffixMatcher } from "./suffix-matcher.js";

const suffixes = new SuffixMatcher(KO_SUFFIXES);
/** Particles (조사) and copula endings that attach to a noun, longest first. */
const PARTICLES = [
  "에서는",
  "에서도",
  "으로서",
  "으로써",
  "에게서",
  "까지의",
  "에서의",
  "와의",
  "과의",
  "로부터",
  "으로부터",
  "에서",
  "에게",
  "께서",
  "으로",
  "이며",
  "이고",
  "이다",
  "와",
  "과",
  "은",
  "는",
  "이",
  "가",
  "을",
  "를",
  "의",
  "에",
  "로",
  "도",
  "만",
  "께",
  "측",
].sort((a, b) => b.length - a.length);
const TITLES = new Set(KO_TITLES);
const WORD = /[^\s,.;:!?()[\]{}"'“”‘’「」『』·、]+/g;
/** Latin acronyms that name no organisation. */
const NOT_ACRONYM = new Set([
  "CEO",
  "R&D",
  "CTO",
  "CFO",
  "AI",
  "IT",
  "UPS",
  "MOU",
  "GDP",
  "RD",
  "IoT",
  "VR",
  "AR",
  "EV",
  "IPO",
  "PCT",
  "ICT",
  "AIoT",
  "GBA",
  "SAR",
  "NO",
  "TV",
  "PC",
  "CSO",
  "COO",
  "CIO",
  "VC",
  "PR",
  "ESG",
]);

interface Word {
  text: string;
  start: number;
  /** The word without its particle. */
  stem: string;
  /** A particle or punctuation follows: a name cannot continue past this word. */
  closes: boolean;
}

/**
 * Korean: words are split on spaces and stripped of particles (조사); a stem ending in a typing
 * suffix (…대학교, …연구소, …협회, …유한회사, …포럼, …협약) names an organisation, event or
 * agreement together with the bare words before it (동관시 과학기술협회); a 2–4 syllable word next
 * to a title (류치 교수, 주임 우신궈) is a person; ko-dic's 인명/지명 proper nouns are hints.
 */
export function koreanRecogniser(): Recogniser {
  return {
    lang: "ko",
    recognise(text) {
      const words = splitWords(text);
      const out: EntityMention[] = [];
      const mention = (start: number, end: number, m: Omit<EntityMention, "start" | "end" | "surface">) =>
        out.push({ start, end, surface: text.slice(start, end), ...m });
      words.forEach((w, i) => {
        const suffix = suffixes.endingAt(w.stem);
        if (suffix && !TITLES.has(w.stem)) {
          let first = i;
          // 이종호 과학기술정보통신부 장관: the person before an organisation and a post is not part of its name.
          const postFollows = TITLES.has(words[i + 1]?.stem ?? "");
          while (
            first > 0 &&
            i - first < 5 &&
            !(words[first - 1] as Word).closes &&
            // 한·중 혁신포럼: words joined by · belong together.
            (isNameWord((words[first - 1] as Word).stem) ||
              text.slice((words[first - 1] as Word).start + (words[first - 1] as Word).text.length, (words[first] as Word).start) ===
                "·") &&
            !(postFollows && isKoreanName((words[first - 1] as Word).stem))
          )
            first--;
          const start = (words[first] as Word).start;
          const end = w.start + w.stem.length;
          if (end - start > suffix.text.length)
            mention(start, end, { kind: suffix.kind, subtype: suffix.type, rule: "ko.suffix", confidence: first < i ? 0.65 : 0.6 });
        }
        const next = words[i + 1];
        const prev = words[i - 1];
        // 판잔웨이 중국기술총감: a name ending in 이 is not a subject marked by 이 when a post follows.
        const name = next && isKoreanPost(next.stem) && /^\p{Script=Hangul}{2,4}$/u.test(w.text) ? w.text : w.stem;
        const afterCompany = !!prev && /^[A-Za-z]/.test(prev.text);
        if (
          isHangulName(name) &&
          next &&
          isKoreanPost(next.stem) &&
          (name === w.text || !w.closes) &&
          (afterCompany || !isCommonNoun(name))
        )
          mention(w.start, w.start + name.length, { kind: "Person", rule: "ko.person.name-before-title", confidence: 0.6 });
        // 왕 캄화이 교수 / 렉스 샴 공동설립자: a foreign name in two words before the post.
        const after = words[i + 2];
        if (
          next &&
          after &&
          /^\p{Script=Hangul}{1,2}$/u.test(w.text) &&
          /^\p{Script=Hangul}{1,3}$/u.test(next.text) &&
          !NOT_NAME.has(w.text) &&
          !/의$/.test(next.text) &&
          isKoreanPost(after.stem) &&
          (CHINESE_SURNAMES_IN_HANGUL.has(w.text) || afterCompany || !isCommonNoun(w.text))
        )
          mention(w.start, next.start + next.text.length, {
            kind: "Person",
            rule: "ko.person.two-word-name-before-title",
            confidence: 0.55,
          });
        // 이종호 과학기술정보통신부 장관 / 김신철 홍콩과기대 연구개발 부총장: a name, the organisation, then the post.
        if (isKoreanName(w.stem) && !w.closes && (!prev || prev.closes) && titleWithin(words, i + 1, 4) && !isCommonNoun(w.stem))
          mention(w.start, w.start + w.stem.length, { kind: "Person", rule: "ko.person.name-org-title", confidence: 0.6 });
        if (isHangulName(w.stem) && prev && TITLES.has(prev.stem) && !prev.closes && !isCommonNoun(w.stem))
          mention(w.start, w.start + w.stem.length, { kind: "Person", rule: "ko.person.title-before-name", confidence: 0.7 });
      });
      // 협약식 / 현판식 / 개소식: a ceremony named by what is done at it.
      for (const m of text.matchAll(
        /(?<![\p{Script=Hangul}])(?:업무\s?)?(?:협약식|체결식|현판식|개소식|개막식|출범식|기공식|준공식|발대식|제막식|서명식|조인식)/gu,
      )) {
        const start = m.index ?? 0;
        mention(start, start + m[0].length, { kind: "Event", subtype: "ceremony", rule: "ko.ceremony", confidence: 0.55 });
      }
      // 마크 웨이 홍콩무역발전국 사무총장: a foreign name in two words, then the body, then the post.
      words.forEach((w, i) => {
        const [next, body, post] = [words[i + 1], words[i + 2], words[i + 3]];
        if (!next || !body || !post || w.closes || next.closes) return;
        if (!/^\p{Script=Hangul}{1,3}$/u.test(w.text) || !/^\p{Script=Hangul}{1,3}$/u.test(next.text)) return;
        if (NOT_NAME.has(w.text) || NOT_NAME.has(next.text) || !isKoreanPost(post.stem)) return;
        const ending = suffixes.endingAt(body.stem);
        if (!ending || !["Institution", "Company", "Lab"].includes(ending.kind)) return;
        mention(w.start, next.start + next.text.length, { kind: "Person", rule: "ko.person.two-word-name-org-title", confidence: 0.55 });
      });
      addDictionaryHints(text, out);
      // 써니 차이(Sunny CHAI): a foreigner's name in Hangul followed by its Latin spelling.
      for (const m of text.matchAll(
        /(\p{Script=Hangul}{1,4}(?: \p{Script=Hangul}{1,4})?)\s?\(([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){1,2})\)/gu,
      )) {
        // 참가한 차이잉(CAI YING): the name is the words that read as a name, not the verb before them.
        const words = (m[1] as string).split(" ");
        const name = words.every(isHangulName) ? (m[1] as string) : (words.at(-1) as string);
        const start = (m.index ?? 0) + (m[1] as string).length - name.length;
        if (isHangulName(name.replace(" ", "")) || name.includes(" "))
          out.push({ start, end: start + name.length, surface: name, kind: "Person", rule: "ko.person.latin-spelling", confidence: 0.7 });
      }
      addAcronyms(text, out);
      addLatinCompanies(text, out);
      // 업무협약을 체결 / MOU를 맺: an agreement named only by its kind, before the signing verb.
      for (const m of text.matchAll(
        /((?:업무|전략적|상호|교류|협력|공동|산학|포괄적)?\s?(?:협력\s?)?(?:협약|협정|양해각서|MOU|합의각서))(?:을|를|에)\s?(?:체결|서명|맺)/g,
      )) {
        const name = (m[1] as string).trim();
        const start = (m.index ?? 0) + (m[1] as string).indexOf(name);
        out.push({
          start,
          end: start + name.length,
          surface: name,
          kind: "Agreement",
          subtype: /양해각서|MOU|합의각서/.test(name) ? "mou" : "cooperation-agreement",
          rule: "ko.signed-agreement",
          confidence: 0.6,
        });
      }
      return out;
    },
  };
}

function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const whole of text.matchAll(WORD))
    for (const { raw, start, joined } of joinedNames(whole[0], whole.index ?? 0)) {
      const particle = PARTICLES.find((p) => raw.endsWith(p) && raw.length > p.length + 1);
      const stem = particle ? raw.slice(0, -particle.length) : raw;
      const end = start + raw.length;
      // A name never runs on over a line end, a bracket or a quotation mark (· joins: 광둥성·홍콩).
      const gap = /^[ \t]*/.exec(text.slice(end))?.[0].length ?? 0;
      const closes = joined || !!particle || /[,.;:!?)\]」』”’'"]/.test(text[end] ?? "") || /[\n(['"‘“「『]/.test(text[end + gap] ?? "");
      words.push({ text: raw, start, stem, closes });
    }
  return words;
}

/**
 * 홍콩무역발전국-선전시정부: two organisations joined by a hyphen are two words (the first closed),
 * when the part before the hyphen ends like an organisation; 홍콩-선전 stays one word.
 */
function joinedNames(raw: string, start: number): Array<{ raw: string; start: number; joined: boolean }> {
  const hyphen = raw.indexOf("-");
  const ends = hyphen >= 3 && hyphen < raw.length - 1 ? suffixes.endingAt(raw.slice(0, hyphen)) : undefined;
  if (!ends || !["Institution", "Company", "Lab"].includes(ends.kind)) return [{ raw, start, joined: false }];
  return [
    { raw: raw.slice(0, hyphen), start, joined: true },
    { raw: raw.slice(hyphen + 1), start: start + hyphen + 1, joined: false },
  ];
}

/** Function words that never start or continue a name (등 한국, 위해 홍콩정부). */
const NOT_NAME = new Set(
  "등 및 중 내 기간 동안 방문 위해 위한 또한 이날 이번 지난 함께 통해 대한 관련 각 총 약 전 후 현지 더 그 이 저 이후 이전 올해 지난해 최근 당시 앞서 이어 특히 모두 기업 지역 정부관계자 이미 현재 또 첫 새 본 해당 여러 다양한 주요 우수 국내외 세계".split(
    " ",
  ),
);

function isNameWord(stem: string): boolean {
  return (
    !NOT_NAME.has(stem) &&
    !PARTICLES.includes(stem) &&
    /^[\p{Script=Hangul}A-Za-z0-9][\p{Script=Hangul}A-Za-z0-9·-]*$/u.test(stem) &&
    !TITLES.has(stem) &&
    // 13일, 2024년: dates and counts; 있는, 새로운: words that describe.
    !/^\d+(?:일|월|년|시|개|명|곳|건|억|만|차)?$/u.test(stem) &&
    !/(?:다|고|며|서|면|게|지|한|된|인|할|될|던|는|운)$/u.test(stem)
  );
}

/** 2–4 syllables, not ending like an adjective or verb form (급속한, 새로운, 진행된). */
/** Chinese surnames as Korean news spells them (왕 캄화이, 류 치): common nouns to ko-dic (왕 "king"). */
const CHINESE_SURNAMES_IN_HANGUL = new Set(
  "왕 장 리 류 천 양 황 자오 우 저우 쉬 쑨 마 주 후 궈 허 가오 린 뤄 정 량 셰 쑹 탕 한 펑 덩 차오 쩡 샤오 톈 둥 판 위안 차이 루 웨이 쉐 예 옌 두 딩 청 쑤 야오 진 람 웡 챈 렁 찬 응 융 람 입 탐 청 라우".split(
    " ",
  ),
);

/** The surnames most Koreans bear (over 90%): a three-syllable word starting with one reads as a name. */
const KOREAN_SURNAMES = new Set([
  ..."김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민나진지엄채원천방공현함변염여추도소석선설마길연위표명기반금옥육인맹제모탁국어은편용",
]);

function isKoreanName(stem: string): boolean {
  return /^\p{Script=Hangul}{3}$/u.test(stem) && KOREAN_SURNAMES.has(stem[0] as string) && isHangulName(stem);
}

/** A post, alone or ending a compound (중국기술총감), or one of several (공동설립자/CSO). */

/** A post (장관, 부총장) among the next `n` words, none of them closing a phrase before it. */
function titleWithin(words: Word[], from: number, n: number): boolean {
  for (let j = from; j < Math.min(words.length, from + n); j++) {
    const w = words[j] as Word;
    if (TITLES.has(w.stem)) return true;
    if (w.closes) return false;
  }
  return false;
}

function isHangulName(stem: string): boolean {
  // 류샤오루이 (Liu Xiaorui): a Chinese name read out in Hangul runs to five syllables.
  const long = /^\p{Script=Hangul}{5}$/u.test(stem) && CHINESE_SURNAMES_IN_HANGUL.has(stem[0] as string);
  return (long || /^\p{Script=Hangul}{2,4}$/u.test(stem)) && !/(?:한|된|는|운|은|을|를|의|적|할|될|던|인|게|고)$/u.test(stem);
}

/** ko-dic place names (지명) the gazetteer did not know; its person class (인명) tags too many common words to use. */
function addDictionaryHints(text: string, out: EntityMention[]) {
  let at = 0;
  for (const t of koreanTokens(text)) {
    const start = text.indexOf(t.surface, at);
    if (start < 0) continue;
    at = start + t.surface.length;
    if (t.tag !== "NNP" || t.surface.length < 2) continue;
    if (t.meaning === "지명")
      out.push({ start, end: at, surface: t.surface, kind: "Region", subtype: "city", rule: "ko.ko-dic.place", confidence: 0.45 });
  }
}

/** CATL, HKTDC: Latin capitals in Korean text usually name an organisation the gazetteer may not know. */
/**
 * AutoX 판잔웨이 중국기술총감 / Insight Robotics의 렉스 샴 공동설립자: a Latin name before a person's
 * name and post is the company the person speaks for.
 */
function addLatinCompanies(text: string, out: EntityMention[]) {
  // The name and post are looked ahead at, not consumed: "VC 세션에서 Zhijin Capital 양위 설립자".
  const LATIN_NAME =
    /(?<![A-Za-z])([A-Z][A-Za-z0-9&.-]*(?: [A-Z][A-Za-z0-9&.-]*){0,3})(?=(?:의)?\s+(\p{Script=Hangul}{1,4}(?: \p{Script=Hangul}{1,3})?)\s+(\S+))/gu;
  for (const m of text.matchAll(LATIN_NAME)) {
    const [, name, , post] = m as unknown as [string, string, string, string];
    const title = post.replace(/(?:은|는|이|가|을|를|의|과|와|도|인)$/, "");
    if (!KO_TITLES.some((t) => title === t || title.endsWith(t) || title.startsWith(t)) || NOT_ACRONYM.has(name)) continue;
    const start = m.index ?? 0;
    out.push({ start, end: start + name.length, surface: name, kind: "Company", rule: "ko.latin-company", confidence: 0.55 });
  }
}

function addAcronyms(text: string, out: EntityMention[]) {
  // SF EXPRESS: capitals in a row are one name.
  for (const m of text.matchAll(/(?<![A-Za-z])[A-Z][A-Z0-9&]{1,7}(?: [A-Z][A-Z0-9&]{1,9})*(?![A-Za-z])/g)) {
    // The capitals of a spelled-out name, 차이잉(CAI YING), are no organisation.
    const inSpelledName = /\([A-Za-z ]*$/.test(text.slice(Math.max(0, (m.index ?? 0) - 24), m.index));
    if (NOT_ACRONYM.has(m[0]) || inSpelledName) continue;
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, surface: m[0], kind: "Company", rule: "ko.latin-acronym", confidence: 0.4 });
  }
}

/** A word ko-dic reads as one common noun or place name (진출 "entry", 중화권), so not a personal name. */
function isCommonNoun(word: string): boolean {
  const tokens = koreanTokens(word);
  const only = tokens.length === 1 ? tokens[0] : undefined;
  // 연구개발 (연구 + 개발): a compound of common nouns is no name either.
  if (tokens.length === 2 && tokens.every((t) => t.tag.startsWith("NNG"))) return true;
  return !!only && (only.tag.startsWith("NNG") || (only.tag === "NNP" && only.meaning === "지명"));
}
