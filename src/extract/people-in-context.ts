import type { Lang } from "../model/primitives.js";
import { isPersonName } from "./recognise/chinese.js";
import type { EntityMention } from "./types.js";

const ORG_KINDS = new Set(["Institution", "Lab", "Company"]);
/** What may follow a name: a joining word, a comma, or a verb of saying, signing or attending. */
const AFTER_NAME = /^(?:[、，,和与及(（]|表示|说|介绍|签|出席|参加|致辞|发言|主持|指出|认为|等)/;

/**
 * People the recognisers missed, found from what is already known (Chinese text, on its
 * Simplified view): a name right after an organisation (淄博市科技局熊欣签订…), and the other
 * names of a list that holds a person (杜占元、林金城、宋永华和毛宗万主持…).
 */
export function peopleInContext(view: string, lang: Lang, mentions: EntityMention[], text: string): EntityMention[] {
  if (!lang.startsWith("zh")) return [];
  const taken = (start: number, end: number) => mentions.some((m) => m.start < end && start < m.end);
  const found: EntityMention[] = [];
  const add = (start: number, length: number, rule: string, confidence: number) => {
    if (taken(start, start + length) || found.some((f) => f.start < start + length && start < f.end)) return;
    found.push({ start, end: start + length, surface: text.slice(start, start + length), kind: "Person", rule, confidence });
  };
  for (const org of mentions.filter((m) => ORG_KINDS.has(m.kind))) {
    const length = nameAt(view, org.end);
    if (length) add(org.end, length, "zh.person.after-organisation", 0.55);
  }
  for (const person of mentions.filter((m) => m.kind === "Person")) {
    for (const direction of [-1, 1] as const)
      listNeighbours(view, person, direction, (start, length) => add(start, length, "zh.person.in-list", 0.6));
  }
  return found;
}

/** A 3- or 2-character personal name starting at `at` and followed by what may follow a name. */
function nameAt(view: string, at: number): number | undefined {
  for (const length of [3, 2]) {
    if (isPersonName(view.slice(at, at + length)) && AFTER_NAME.test(view.slice(at + length))) return length;
  }
  return undefined;
}

/** Walks a 、/和-separated list from a person, calling `found` for each neighbouring name. */
function listNeighbours(view: string, person: EntityMention, direction: -1 | 1, found: (start: number, length: number) => void) {
  let edge = direction === 1 ? person.end : person.start;
  for (let step = 0; step < 8; step++) {
    if (direction === 1) {
      if (!/[、和与及]/.test(view[edge] ?? "")) return;
      const length = nameAt(view, edge + 1);
      if (!length) return;
      found(edge + 1, length);
      edge = edge + 1 + length;
    } else {
      if (!/[、和与及]/.test(view[edge - 1] ?? "")) return;
      const length = [3, 2].find(
        (n) => isPersonName(view.slice(edge - 1 - n, edge - 1)) && /[、，,：:\s]|^$/.test(view[edge - 2 - n] ?? ""),
      );
      if (!length) return;
      found(edge - 1 - length, length);
      edge = edge - 1 - length;
    }
  }
}
