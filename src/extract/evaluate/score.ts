import type { Annotation, Mention } from "../../model/annotation.js";
import { scriptVariants } from "../../model/chinese-script.js";

/** One entity as the scorer sees it: its id, kind and every surface form the article uses. */
interface ScoredEntity {
  id: string;
  kind: string;
  forms: Set<string>;
}

export interface Counts {
  gold: number;
  predicted: number;
  correct: number;
}

export interface ArticleScore {
  articleId: string;
  language: string;
  entities: Counts;
  /** Same entity found but with another kind. */
  entityKindErrors: number;
  relations: Counts;
  /** Gold relations whose two entities the draft found (the most relation recall could be). */
  reachableRelations: number;
  /** Right pair, and the right type and direction too. */
  typedRelations: Counts;
  /** Surface forms and quotes of the draft that occur verbatim in the text, of all of them. */
  verbatim: { ok: number; total: number };
  /** Per rule: relations it drafted and how many joined the right pair. */
  relationRules: Record<string, { predicted: number; correct: number; confidenceSum: number }>;
  missedEntities: string[];
  spuriousEntities: string[];
  missedRelations: string[];
}

/**
 * Scores a draft against the curated annotation of the same text. An entity is found when the
 * draft has one of the same kind with the same id or a shared surface form (in any Chinese
 * script); a relation is found when its two entities are joined in the draft (either direction).
 */
export function scoreDraft(draft: Annotation, gold: Annotation, text: string, kindOf: (id: string) => string | undefined): ArticleScore {
  const goldEntities = gold.entities.map((m) => toScored(m, kindOf));
  const draftEntities = draft.entities.map((m) => toScored(m, kindOf));
  const match = matchEntities(goldEntities, draftEntities);
  const kindErrors = matchEntities(goldEntities, draftEntities, false).size - match.size;
  const toGold = new Map([...match].map(([g, d]) => [d, g]));
  const goldPairs = new Set(gold.relations.map((r) => pairKey(r.from, r.to)));
  const goldTyped = new Set(gold.relations.map((r) => `${r.from}|${r.type}|${r.to}`));
  const draftPairs = new Set<string>();
  let typedCorrect = 0;
  const relationRules: ArticleScore["relationRules"] = {};
  for (const r of draft.relations) {
    const from = toGold.get(r.from);
    const to = toGold.get(r.to);
    const rule = relationRules[r.rule ?? "none"] ?? { predicted: 0, correct: 0, confidenceSum: 0 };
    relationRules[r.rule ?? "none"] = rule;
    rule.predicted++;
    rule.confidenceSum += r.confidence ?? 0;
    if (from && to && goldPairs.has(pairKey(from, to))) rule.correct++;
    draftPairs.add(from && to ? pairKey(from, to) : `unmatched:${r.from}|${r.to}`);
    if (from && to && goldTyped.has(`${from}|${r.type}|${to}`)) typedCorrect++;
  }
  const foundPairs = [...draftPairs].filter((p) => goldPairs.has(p));
  const strings = [
    ...draft.entities.flatMap((e) => [...e.seen, ...(e.garbled ?? [])]),
    ...draft.relations.map((r) => r.quote),
    ...draft.measures.map((m) => m.quote),
  ];
  const nameOf = (e: ScoredEntity) => `${e.kind} ${e.id} (${[...e.forms].join(" / ")})`;
  return {
    articleId: gold.article.id,
    language: gold.article.language,
    entities: { gold: goldEntities.length, predicted: draftEntities.length, correct: match.size },
    entityKindErrors: kindErrors,
    relations: { gold: goldPairs.size, predicted: draftPairs.size, correct: foundPairs.length },
    relationRules,
    reachableRelations: [...goldPairs].filter((p) => p.split("|").every((id) => match.has(id))).length,
    typedRelations: { gold: goldTyped.size, predicted: draft.relations.length, correct: typedCorrect },
    verbatim: { ok: strings.filter((s) => text.includes(s)).length, total: strings.length },
    missedEntities: goldEntities.filter((g) => !match.has(g.id)).map(nameOf),
    spuriousEntities: draftEntities.filter((d) => !toGold.has(d.id)).map(nameOf),
    missedRelations: gold.relations
      .filter((r) => !foundPairs.includes(pairKey(r.from, r.to)))
      .map((r) => `${match.has(r.from) && match.has(r.to) ? "*" : " "} ${r.from} ${r.type} ${r.to}: ${r.quote}`),
  };
}

function toScored(m: Mention, kindOf: (id: string) => string | undefined): ScoredEntity {
  const id = "ref" in m ? m.ref : m.id;
  const kind = "ref" in m ? (kindOf(m.ref) ?? "?") : m.kind;
  return { id, kind, forms: new Set([...m.seen, ...(m.garbled ?? [])].flatMap(scriptVariants)) };
}

/** Gold id -> draft id, one to one, same id first, then a shared surface form. */
function matchEntities(gold: ScoredEntity[], draft: ScoredEntity[], sameKind = true): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  const kindOk = (g: ScoredEntity, d: ScoredEntity) => !sameKind || g.kind === "?" || d.kind === "?" || g.kind === d.kind;
  for (const g of gold) {
    const d = draft.find((x) => x.id === g.id && !used.has(x.id));
    if (d) {
      out.set(g.id, d.id);
      used.add(d.id);
    }
  }
  for (const g of gold) {
    if (out.has(g.id)) continue;
    const d = draft.find((x) => !used.has(x.id) && kindOk(g, x) && [...x.forms].some((f) => g.forms.has(f)));
    if (d) {
      out.set(g.id, d.id);
      used.add(d.id);
    }
  }
  return out;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function precisionRecall(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.predicted ? c.correct / c.predicted : 0;
  const recall = c.gold ? c.correct / c.gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { gold: a.gold + b.gold, predicted: a.predicted + b.predicted, correct: a.correct + b.correct };
}
