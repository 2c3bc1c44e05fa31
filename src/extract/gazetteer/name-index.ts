import AhoCorasick from "modern-ahocorasick";
import { scriptVariants } from "../../model/chinese-script.js";
import type { EntityKind } from "../../model/entity.js";
import { EN_SUFFIXES, JA_SUFFIXES, KO_SUFFIXES, ZH_SUFFIXES } from "../lexicon/suffixes.js";
import type { KnownEntity } from "../types.js";
import { spunVariants } from "./garbled.js";
import { sinoKoreanReading } from "./korean-readings.js";

/** One known name of one entity, as the gazetteer sources give it. */
export interface FormEntry {
  text: string;
  id: string;
  kind: EntityKind;
  source: KnownEntity["source"];
  /** A machine-reworded form (研讨所 for 研究所). */
  garbled: boolean;
  /** A derived short form (科大): trusted only where the article names the entity in full too. */
  short?: boolean;
}

/** A place in a text where a known name occurs, with every entity that bears the name. */
export interface NameHit {
  start: number;
  end: number;
  surface: string;
  entries: FormEntry[];
}

const HAN = /\p{Script=Han}/u;
/** Characters outside Japan's Kanji lists, which Japanese text writes in katakana (深圳 -> 深セン). */
const JAPANESE_KANA_FOR_HAN: ReadonlyArray<readonly [string, string]> = [
  ["圳", "セン"],
  ["莞", "グァン"],
];
const HANGUL = /\p{Script=Hangul}/u;
const LATIN_WORD = /[A-Za-z0-9]/;
const SOURCE_RANK: Record<KnownEntity["source"], number> = { catalogue: 0, annotation: 1, graph: 2, reference: 3 };

/**
 * All known names in one Aho–Corasick automaton, with their script variants (Traditional,
 * Simplified, Japanese Kanji), spun variants and Sino-Korean readings. `find` returns the longest
 * non-overlapping names in a text, respecting word boundaries for Latin and Korean.
 */
export class NameIndex {
  private readonly patterns: string[];
  private readonly indexOf: Map<string, number>;
  private readonly entriesOf: FormEntry[][];
  private readonly automaton: AhoCorasick;

  constructor(forms: FormEntry[]) {
    const byPattern = new Map<string, FormEntry[]>();
    const put = (text: string, entry: FormEntry) => {
      if (!isUsefulPattern(text)) return;
      const list = byPattern.get(text) ?? [];
      if (!list.some((e) => e.id === entry.id)) list.push({ ...entry, text });
      byPattern.set(text, list);
    };
    for (const form of forms) for (const variant of variantsOf(form)) put(variant.text, variant);
    for (const list of byPattern.values())
      list.sort((a, b) => Number(a.garbled) - Number(b.garbled) || SOURCE_RANK[a.source] - SOURCE_RANK[b.source]);
    this.patterns = [...byPattern.keys()];
    this.entriesOf = this.patterns.map((p) => byPattern.get(p) as FormEntry[]);
    this.indexOf = new Map(this.patterns.map((p, i) => [p, i]));
    this.automaton = new AhoCorasick(this.patterns);
  }

  /** The entities that bear exactly this name (any script variant), best first. */
  lookup(name: string): FormEntry[] {
    const i = this.indexOf.get(name);
    return i === undefined ? [] : (this.entriesOf[i] as FormEntry[]);
  }

  get size(): number {
    return this.patterns.length;
  }

  /** Longest names first, never overlapping; a Latin name must stand as a whole word, a Korean one start a word. */
  find(text: string): NameHit[] {
    const hits = this.automaton
      .search(text)
      .filter((m) => atBoundary(text, m.start, m.end))
      .map((m) => ({
        start: m.start,
        end: m.end,
        surface: text.slice(m.start, m.end),
        entries: this.entriesOf[m.patternIndex] as FormEntry[],
      }));
    hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const taken: NameHit[] = [];
    for (const hit of hits) if (!taken.some((t) => t.start < hit.end && hit.start < t.end)) taken.push(hit);
    return taken.sort((a, b) => a.start - b.start);
  }
}

function variantsOf(form: FormEntry): FormEntry[] {
  // 광둥성 -> 광둥, 동관시 -> 동관: Korean text often drops a region's 省/市 suffix.
  const koShort = /^(\p{Script=Hangul}{2,})[성시구현]$/u.exec(form.text);
  if (koShort && form.kind === "Region" && form.source !== "reference") return [form, { ...form, text: koShort[1] as string }];
  // 홍콩과학기술대학교 / 홍콩과학기술대학: Korean writes a university's name with and without 교.
  if (HANGUL.test(form.text)) return koreanVariants(form);
  if (!HAN.test(form.text)) return latinVariants(form);
  const out: FormEntry[] = scriptVariants(form.text).map((text) => ({ ...form, text }));
  const simplified = out[2]?.text ?? form.text;
  for (const spun of spunVariants(simplified)) for (const text of scriptVariants(spun)) out.push({ ...form, text, garbled: true });
  for (const [han, kana] of JAPANESE_KANA_FOR_HAN)
    if (form.text.includes(han)) out.push({ ...form, text: form.text.replaceAll(han, kana) });
  // Only full division names (…市, …省): bare readings collide with Korean words (威海 -> 위해, "for").
  if ((form.kind === "Region" || form.source === "reference") && /[市省区县州]$/.test(simplified)) {
    const reading = sinoKoreanReading(out[1]?.text ?? form.text);
    if (reading) out.push({ ...form, text: reading });
  }
  return out;
}

/** "Commission of Shenzhen Municipality" / "Commission of the Shenzhen Municipality": English adds or drops "the" after "of". */
function latinVariants(form: FormEntry): FormEntry[] {
  if (!/\sof\s/.test(form.text)) return [form];
  const other = / of the /.test(form.text) ? form.text.replace(/ of the /g, " of ") : form.text.replace(/ of (?=[A-Z])/g, " of the ");
  return other === form.text ? [form] : [form, { ...form, text: other }];
}

/** A place name Korean writes before an organisation's name, with or without a space (홍콩 중문대학교). */
const KOREAN_PLACE_HEAD = /^(홍콩|마카오|선전|광저우|광둥|베이징|상하이|중국|한국|서울|경기)\s?(?=\p{Script=Hangul}{2})/u;

/**
 * Korean spellings of one name: with and without 교 (홍콩과학기술대학교 / 홍콩과학기술대학), and with
 * and without a space after a leading place name (홍콩중문대학교 / 홍콩 중문대학교).
 */
function koreanVariants(form: FormEntry): FormEntry[] {
  const texts = new Set([form.text]);
  for (const t of [...texts]) {
    if (/\p{Script=Hangul}대학교$/u.test(t)) texts.add(t.slice(0, -1));
    else if (/\p{Script=Hangul}대학$/u.test(t)) texts.add(`${t}교`);
  }
  if (form.kind !== "Region" && form.kind !== "Person")
    for (const t of [...texts]) {
      const head = KOREAN_PLACE_HEAD.exec(t);
      if (!head) continue;
      const rest = t.slice(head[0].length);
      texts.add(`${head[1]}${rest}`);
      texts.add(`${head[1]} ${rest}`);
    }
  return [...texts].map((text) => ({ ...form, text }));
}

/** Words that type a name (中心, 大学) name nothing on their own, whatever an annotation's `seen` says. */
const GENERIC = new Set([
  ...[...ZH_SUFFIXES, ...JA_SUFFIXES, ...KO_SUFFIXES, ...EN_SUFFIXES].map((s) => s.text),
  "中心",
  "中心區",
  "中心区",
  "本院",
  "该院",
  "双方",
  "两校",
]);

/** One Han character, two Latin letters or a bare typing word match far too much to be a name. */
function isUsefulPattern(text: string): boolean {
  if (GENERIC.has(text)) return false;
  if (HAN.test(text) || HANGUL.test(text)) return [...text].length >= 2;
  return text.length >= 3 || /^[A-Z]{2}$/.test(text);
}

/**
 * Two-character words that a name's last character starts with the text after it: 科技部|门 is
 * 科技部门 (a department), 深圳市|场 is 深圳市场 (the Shenzhen market), 香港大学|生 is 大学生 (students).
 */
const WORDS_ACROSS_THE_END = new Set([
  "部门",
  "学生",
  "學生",
  "局面",
  "院校",
  "市场",
  "市場",
  "区域",
  "區域",
  "省份",
  "县城",
  "縣城",
  "门户",
  "人士",
]);

function atBoundary(text: string, start: number, end: number): boolean {
  if (WORDS_ACROSS_THE_END.has(`${text[end - 1] ?? ""}${text[end] ?? ""}`)) return false;
  const first = text[start] ?? "";
  const last = text[end - 1] ?? "";
  const before = text[start - 1] ?? "";
  const after = text[end] ?? "";
  if (LATIN_WORD.test(first) && LATIN_WORD.test(before)) return false;
  if (LATIN_WORD.test(last) && LATIN_WORD.test(after)) return false;
  if (HANGUL.test(first) && HANGUL.test(before)) return false;
  return true;
}
