import type { Span } from "./types.js";

const SENTENCE_END = /[。！？!?；;\n]+|\.(?=\s|$)/g;
const CLAUSE_END = /[，,：:、（）()“”"「」『』]/g;

/** The sentences of a text, trimmed, as spans; a sentence ends at 。！？!?；; a line break, or ". ". */
export function sentenceSpans(text: string): Span[] {
  return splitAt(text, { start: 0, end: text.length }, SENTENCE_END);
}

/** The clauses of a span: pieces between commas, colons, enumeration commas and brackets. */
export function clauseSpans(text: string, within: Span): Span[] {
  return splitAt(text, within, CLAUSE_END);
}

function splitAt(text: string, within: Span, separators: RegExp): Span[] {
  const out: Span[] = [];
  const piece = text.slice(within.start, within.end);
  let last = 0;
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(piece[s] as string)) s++;
    while (e > s && /\s/.test(piece[e - 1] as string)) e--;
    if (e > s) out.push({ start: within.start + s, end: within.start + e });
  };
  for (const m of piece.matchAll(separators)) {
    push(last, m.index ?? 0);
    last = (m.index ?? 0) + m[0].length;
  }
  push(last, piece.length);
  return out;
}

/** The smallest of the spans containing the whole of `inner`. */
export function enclosing(spans: Span[], inner: Span): Span | undefined {
  return spans.find((s) => s.start <= inner.start && inner.end <= s.end);
}
