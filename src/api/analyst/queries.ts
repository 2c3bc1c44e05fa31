import { cypher } from "../../db/cypher.js";

/**
 * Shared Cypher fragments (cypher/analyst/fragments/), written into a query where it says
 * `/*@name(variable)*\/ true` (a predicate) or `/*@name(variable)*\/ null` (an expression). Such a
 * marker is a comment followed by its neutral value, so the file stays valid Cypher on its own and
 * then behaves as if there were no time window and no dates: one rule for dating facts and for
 * since/until, written once, instead of one copy per query.
 */
const FRAGMENTS: Record<string, string> = {
  factDate: "fact-date.cypher",
  dateInWindow: "date-in-window.cypher",
  factInWindow: "fact-in-window.cypher",
};

const MARKER = /\/\*@(\w+)\(([\w.]+)\)\*\/\s*(?:true|null)\b/g;

function expand(text: string, depth = 0): string {
  return text.replace(MARKER, (_marker, name: string, variable: string) => {
    const file = FRAGMENTS[name];
    if (!file || depth > 4) throw new Error(`unknown Cypher fragment ${name}`);
    const body = cypher(`analyst/fragments/${file}`)
      .split("\n")
      .filter((line) => !line.trimStart().startsWith("//"))
      .join("\n")
      .trim()
      // The fragment's variable is `fact`; `fact_date` and `fact_article` are its own.
      .replace(/\bfact\b/g, variable);
    return `(${expand(body, depth + 1)})`;
  });
}

const cache = new Map<string, string>();

/** The text of an analyst query (`cypher/analyst/<file>`) with its fragments written in. */
export function analystCypher(file: string): string {
  let text = cache.get(file);
  if (text === undefined) {
    text = expand(cypher(`analyst/${file}`));
    cache.set(file, text);
  }
  return text;
}
