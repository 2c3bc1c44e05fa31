import { h } from "./dom.js";

/**
 * Marks facts in an article's text: entity forms get a background in their kind's colour, relation
 * and figure quotes an underline; drafts are dashed, curated facts solid. The text is only ever
 * inserted as text nodes (never as HTML).
 */
export interface Highlight {
  /** Names the fact in the marks' data-facts attribute and in the map highlightText() returns. */
  key: string;
  type: "entity" | "relation" | "measure";
  /** Verbatim strings of the text; every occurrence is marked. */
  strings: string[];
  draft: boolean;
  /** Entities: the kind's colour. */
  color?: string;
  /** Entities: the kind, as data-kind (tests and styles read it). */
  kind?: string;
  /** Tooltip of the marks. */
  title?: string;
}

export interface Segment {
  start: number;
  end: number;
  /**
   * The entities marked here: the one whose form reads here (leftmost, then longest, form wins; two
   * entities with the very same form share it), then any whose forms all lie inside longer names.
   */
  entities: Highlight[];
  /** The quotes covering this stretch (they may overlap each other and the entities). */
  quotes: Highlight[];
}

interface Occurrence {
  start: number;
  end: number;
  hl: Highlight;
}

function occurrences(text: string, hl: Highlight): Occurrence[] {
  const found: Occurrence[] = [];
  for (const s of new Set(hl.strings)) {
    if (!s) continue;
    for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + s.length)) found.push({ start: at, end: at + s.length, hl });
  }
  return found;
}

interface Run {
  start: number;
  end: number;
  hls: Highlight[];
}

/**
 * Entity forms as a tokenizer reads them: leftmost first, then longest, never overlapping (香港 inside
 * 香港中文大学 is part of the university's name, not a second mention). Two entities with the very same
 * form share its occurrences. An entity none of whose occurrences survives keeps those that lie inside
 * a longer name (`nested`), so that every entity can be found in the text.
 */
function entityRuns(text: string, entities: Highlight[]): { runs: Run[]; nested: Occurrence[] } {
  const all = entities.flatMap((e) => occurrences(text, e)).sort((a, b) => a.start - b.start || b.end - a.end);
  const runs: Run[] = [];
  for (const o of all) {
    const last = runs.at(-1);
    if (last && o.start === last.start && o.end === last.end) {
      if (!last.hls.includes(o.hl)) last.hls.push(o.hl);
    } else if (!last || o.start >= last.end) {
      runs.push({ start: o.start, end: o.end, hls: [o.hl] });
    }
  }
  const shown = new Set(runs.flatMap((r) => r.hls));
  const nested = all.filter((o) => !shown.has(o.hl) && runs.some((r) => r.start <= o.start && r.end >= o.end));
  return { runs, nested };
}

/** The text cut where any mark starts or ends, each piece with the marks covering it; unmarked pieces included. */
export function segments(text: string, highlights: Highlight[]): Segment[] {
  const { runs, nested } = entityRuns(
    text,
    highlights.filter((hl) => hl.type === "entity"),
  );
  const quotes = highlights.filter((hl) => hl.type !== "entity").flatMap((hl) => occurrences(text, hl));
  const cuts = new Set<number>([0, text.length]);
  for (const r of [...runs, ...nested, ...quotes]) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  let run = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    while (runs[run] && (runs[run]?.end ?? 0) <= start) run++;
    const r = runs[run];
    const outer = r && r.start <= start && r.end >= end ? r.hls : [];
    const inner = nested.filter((o) => o.start <= start && o.end >= end).map((o) => o.hl);
    const covering = quotes.filter((q) => q.start <= start && q.end >= end).map((q) => q.hl);
    out.push({ start, end, entities: [...outer, ...new Set(inner)], quotes: [...new Set(covering)] });
  }
  return out;
}

/**
 * The article as a <pre> with a <mark> per marked piece (data-facts lists the keys of its facts), and
 * for each key the marks that belong to it.
 */
export function highlightText(
  text: string,
  highlights: Highlight[],
  lang?: string,
): { element: HTMLElement; marks: Map<string, HTMLElement[]> } {
  const element = h("pre", { class: "article-text review-text", lang, "data-testid": "review-text" });
  const marks = new Map<string, HTMLElement[]>();
  for (const seg of segments(text, highlights)) {
    const piece = text.slice(seg.start, seg.end);
    const all = [...seg.entities, ...seg.quotes];
    if (!all.length) {
      element.append(piece);
      continue;
    }
    const entity = seg.entities[0];
    const classes = ["hl"];
    if (entity) classes.push("hl-entity", entity.draft ? "hl-draft-entity" : "hl-curated-entity");
    if (seg.quotes.some((q) => q.type === "relation")) classes.push("hl-relation");
    else if (seg.quotes.length) classes.push("hl-measure");
    if (seg.quotes.length) classes.push(seg.quotes.some((q) => q.draft) ? "hl-draft-quote" : "hl-curated-quote");
    const mark = h(
      "mark",
      {
        class: classes.join(" "),
        "data-facts": all.map((hl) => hl.key).join(" "),
        "data-kind": entity?.kind,
        title:
          all
            .map((hl) => hl.title ?? "")
            .filter(Boolean)
            .join("\n") || undefined,
      },
      piece,
    );
    if (entity?.color) mark.style.setProperty("--kind", entity.color);
    element.append(mark);
    for (const hl of all) marks.set(hl.key, [...(marks.get(hl.key) ?? []), mark]);
  }
  return { element, marks };
}
