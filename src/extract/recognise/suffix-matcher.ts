import type { Suffix } from "../lexicon/suffixes.js";

/** Finds the longest typing suffix a name ends with. */
export class SuffixMatcher {
  private readonly byLength: Suffix[];
  constructor(suffixes: Suffix[]) {
    this.byLength = [...suffixes].sort((a, b) => b.text.length - a.text.length);
  }
  /** The longest suffix `text` ends with at `end` (default: its end). */
  endingAt(text: string, end = text.length): Suffix | undefined {
    return this.byLength.find((s) => end >= s.text.length && text.startsWith(s.text, end - s.text.length));
  }
}
