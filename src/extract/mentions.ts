import type { FormEntry } from "./gazetteer/name-index.js";
import type { Knowledge } from "./knowledge.js";
import type { EntityMention } from "./types.js";

function longestFirst<T extends { start: number; end: number }>(hits: T[]): T[] {
  const sorted = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: T[] = [];
  for (const h of sorted) if (!taken.some((t) => t.start < h.end && h.start < t.end)) taken.push(h);
  return taken.sort((a, b) => a.start - b.start);
}

const SOURCE_CONFIDENCE = { catalogue: 0.95, annotation: 0.9, graph: 0.85, reference: 0.85 } as const;

/**
 * Known names in the text, one mention each; a name several divisions share (南山区) is left out.
 * Names are also looked up in `view` (the text in Simplified, same offsets), which catches mixed
 * forms such as Japanese 香港特別行政区 (別 Traditional, 区 Simplified).
 */
export function knownMentions(text: string, view: string, knowledge: Knowledge): EntityMention[] {
  const out: EntityMention[] = [];
  const hits = view === text ? knowledge.names.find(text) : longestFirst([...knowledge.names.find(text), ...knowledge.names.find(view)]);
  const rivalsOf = (entries: FormEntry[]) => {
    const best = entries[0] as FormEntry;
    return [...new Set(entries.filter((e) => e.source === best.source && e.garbled === best.garbled).map((e) => e.id))];
  };
  // 科大 is HKUST only in an article that names HKUST in full (not in 科大讯飞 or 中国科大).
  const namedInFull = new Set(hits.flatMap((h) => h.entries.filter((e) => !e.short).map((e) => e.id)));
  const trusted = (h: (typeof hits)[number]) => !h.entries[0]?.short || namedInFull.has(h.entries[0].id);
  const sure = new Set(
    hits.filter((h) => h.entries.length > 0 && rivalsOf(h.entries).length === 1).map((h) => (h.entries[0] as FormEntry).id),
  );
  for (const found of hits.filter(trusted)) {
    const hit = { ...found, surface: text.slice(found.start, found.end) };
    let best = hit.entries[0];
    if (!best) continue;
    const rivals = rivalsOf(hit.entries);
    if (rivals.length > 1 && best.source === "reference") {
      // 南山区 is in Shenzhen and in Chaozhou...: keep the one whose city or province the text names.
      const placed = rivals.filter((id) => ancestors(id, knowledge.parentOf).some((a) => sure.has(a)));
      if (placed.length !== 1) continue;
      best = hit.entries.find((e) => e.id === placed[0]) as FormEntry;
    }
    out.push({
      start: hit.start,
      end: hit.end,
      surface: hit.surface,
      kind: best.kind,
      knownId: best.id,
      garbled: best.garbled || undefined,
      rule: best.garbled ? "gazetteer.garbled" : `gazetteer.${best.source}`,
      confidence: best.garbled ? 0.8 : SOURCE_CONFIDENCE[best.source],
    });
  }
  return out;
}

/**
 * Merges known names and new candidates into non-overlapping mentions. A candidate that strictly
 * contains a known name wins (淄博市科技局 over 淄博市: the office is the entity); otherwise known
 * names win, then the more confident and longer candidate. Returns mentions in text order, and
 * the known names found inside a winning candidate (for PART_OF).
 */
export function resolveMentions(
  known: EntityMention[],
  candidates: EntityMention[],
): { mentions: EntityMention[]; embedded: Array<[EntityMention, EntityMention]> } {
  const embedded: Array<[EntityMention, EntityMention]> = [];
  const ranked = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || b.confidence - a.confidence);
  const chosen: EntityMention[] = [];
  const overlaps = (a: EntityMention, b: EntityMention) => a.start < b.end && b.start < a.end;
  const contains = (outer: EntityMention, inner: EntityMention) =>
    outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;
  for (const c of ranked) {
    const clashes = known.filter((k) => overlaps(k, c));
    if (clashes.length > 0 && !clashes.every((k) => contains(c, k))) continue;
    // 中国山東省: a run ending in a known place's own ending (省) is that place, not a new body.
    if (clashes.some((k) => k.kind === "Region" && k.end === c.end)) continue;
    // 13일 홍콩무역발전국 / 마크 웨이 홍콩무역발전국: words before a known organisation's whole name
    // (a date, a person) do not make a new one.
    if (
      clashes.some(
        (k) => ORGANISATIONS.includes(k.kind) && k.end === c.end && k.start > c.start && /\s$/.test(c.surface.slice(0, k.start - c.start)),
      )
    )
      continue;
    if (chosen.some((o) => overlaps(o, c))) continue;
    chosen.push(c);
    for (const k of clashes) embedded.push([c, k]);
  }
  const swallowed = new Set(embedded.map(([, k]) => k));
  const mentions = [...known.filter((k) => !swallowed.has(k)), ...chosen].sort((a, b) => a.start - b.start);
  return { mentions, embedded };
}

const ORGANISATIONS = ["Institution", "Company", "Lab"];

/** Endings that close a parent organisation's name inside a longer one (中山大学|化学学院). */
const PARENT_ENDINGS = ["大学", "科学院", "研究院", "集团", "公司", "大學", "University"];

/**
 * A new organisation whose name starts with another organisation's name (中山大学化学学院) is
 * part of it: the leading name becomes a mention of its own, paired with the whole for PART_OF.
 */
export function parentsInNames(mentions: EntityMention[], view: string): Array<[EntityMention, EntityMention]> {
  const out: Array<[EntityMention, EntityMention]> = [];
  for (const m of mentions) {
    if (m.knownId || !["Institution", "Lab", "Company"].includes(m.kind)) continue;
    const name = view.slice(m.start, m.end);
    for (const ending of PARENT_ENDINGS) {
      const at = name.indexOf(ending);
      const end = at + ending.length;
      if (at < 2 || end >= name.length - 1) continue;
      const inner = {
        start: m.start,
        end: m.start + end,
        surface: m.surface.slice(0, end),
        kind: ending === "集团" || ending === "公司" ? "Company" : "Institution",
        subtype: ending.startsWith("大") || ending === "University" ? "university" : "research-institute",
        rule: "name.parent-organisation",
        confidence: 0.6,
      } as EntityMention;
      out.push([m, inner]);
      break;
    }
  }
  return out;
}

/**
 * A candidate whose whole surface is a known name (a place ko-dic found inside 동관홍콩마카오, where
 * the gazetteer needs a word start) is that known entity, not a new one.
 */
export function knownBySurface(mentions: EntityMention[], knowledge: Knowledge): EntityMention[] {
  return mentions.map((m) => {
    if (m.knownId) return m;
    const best = knowledge.names.lookup(m.surface)[0];
    if (!best || best.garbled) return m;
    return { ...m, kind: best.kind, knownId: best.id, rule: `gazetteer.${best.source}`, confidence: Math.max(m.confidence, 0.8) };
  });
}

function ancestors(id: string, parentOf: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (let at = parentOf.get(id); at && out.length < 4; at = parentOf.get(at)) out.push(at);
  return out;
}

/**
 * 澳大應用物理及材料工程研究所 after 澳門大學應用物理及材料工程研究所: a new name that shares the
 * first character and a long ending (five characters or more) with a longer new name of the same
 * kind is a short form of it.
 */
export function linkShortForms(mentions: EntityMention[]): EntityMention[] {
  const full = mentions.filter((m) => !m.knownId).sort((a, b) => b.surface.length - a.surface.length);
  return mentions.map((m) => {
    if (m.knownId || m.kind === "Person") return m;
    // The short form differs only in a short head (澳大 for 澳門大學), and shares a real name, not a mere ending (》合作协议).
    const longer = full.find((f) => {
      const shared = commonEnding(f.surface, m.surface);
      const sameHead = f.surface[0] === m.surface[0] && /[\p{L}\p{N}]/u.test(m.surface[0] ?? "");
      // 大亚湾技术创新研究院 after 香港理工大学大亚湾技术创新研究院: the name without its parent's.
      const withoutParent = shared === m.surface.length && shared >= 5;
      return (
        f.kind === m.kind &&
        f.surface.length > m.surface.length &&
        ((sameHead && shared >= 5 && m.surface.length - shared <= 3) || withoutParent)
      );
    });
    return longer ? { ...m, sameAs: longer.surface } : m;
  });
}

function commonEnding(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
