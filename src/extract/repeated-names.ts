import type { EntityMention } from "./types.js";

/** Kinds whose new names are looked for again through the article (a technology is left to its rules). */
const REPEATED = new Set(["Person", "Institution", "Lab", "Company", "Event", "Agreement", "Region", "ProductionLine"]);

/**
 * A name the recognisers found once (副市长宋振波) is the same entity wherever the article repeats
 * it (宋振波在致辞中指出), even where no rule would find it on its own: every later occurrence not
 * already part of another name becomes a mention of it.
 */
export function repeatedNames(mentions: EntityMention[], text: string): EntityMention[] {
  const found: EntityMention[] = [];
  const taken = (start: number, end: number) => [...mentions, ...found].some((m) => m.start < end && start < m.end);
  const seen = new Set<string>();
  for (const m of mentions) {
    if (m.knownId || m.anaphor || !REPEATED.has(m.kind) || seen.has(m.surface) || [...m.surface].length < 2) continue;
    seen.add(m.surface);
    for (let at = text.indexOf(m.surface); at >= 0; at = text.indexOf(m.surface, at + m.surface.length)) {
      const end = at + m.surface.length;
      if (taken(at, end) || continuesWord(text, at, end)) continue;
      found.push({ ...m, start: at, end, rule: m.rule, confidence: m.confidence * 0.95 });
    }
  }
  return [...mentions, ...found].sort((a, b) => a.start - b.start);
}

/** A Latin or Hangul name must stand as a whole word (Chen in Chengdu, 류치 in 류치우). */
function continuesWord(text: string, start: number, end: number): boolean {
  const word = /[A-Za-z0-9\p{Script=Hangul}]/u;
  const first = text[start] ?? "";
  const last = text[end - 1] ?? "";
  return (word.test(first) && word.test(text[start - 1] ?? "")) || (word.test(last) && /[A-Za-z0-9]/.test(text[end] ?? ""));
}
