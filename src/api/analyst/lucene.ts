import { scriptVariants } from "../../model/chinese-script.js";

// Everything Lucene's classic query parser treats as syntax. Escaping it (and quoting phrases)
// means user text can never change the query's structure.
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const CONTROL = /[\p{Cc}\p{Cf}]/gu;

/** User text as it is searched: control characters gone, spaces collapsed, length bounded. */
export function cleanSearchText(text: string, maxLength: number): string {
  return text.replace(CONTROL, " ").replace(/\s+/g, " ").trim().slice(0, maxLength).trim();
}

function escapeLucene(term: string): string {
  return term.replace(SPECIAL, (c) => `\\${c}`);
}

/**
 * A full-text query for `text` in every Chinese script: each variant as a phrase (CJK bigrams
 * match inside unsegmented names), plus its words AND-ed with the last one as a prefix, so that
 * "Hong Ko" finds Hong Kong while typing. Words are lower-cased: Lucene keywords (AND, OR, NOT)
 * then lose their meaning.
 */
export function luceneQuery(text: string): { query: string; exact: string[] } {
  const variants = scriptVariants(text);
  const clauses = variants.flatMap((v) => {
    const words = v.toLowerCase().split(" ").filter(Boolean).map(escapeLucene);
    const phrase = `"${words.join(" ")}"^2`;
    const last = words.at(-1) ?? "";
    const prefix = /^[\p{Script=Latin}\d]+$/u.test(last) ? [...words.slice(0, -1), `${last}*`].join(" AND ") : undefined;
    return prefix ? [phrase, `(${prefix})`] : [phrase];
  });
  return { query: [...new Set(clauses)].join(" OR "), exact: variants.map((v) => v.toLowerCase()) };
}
