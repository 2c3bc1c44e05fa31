import { type ArticleScore, addCounts, type Counts, precisionRecall } from "./score.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
const zero = (): Counts => ({ gold: 0, predicted: 0, correct: 0 });

function row(label: string, scores: ArticleScore[]): string {
  const sum = (pick: (s: ArticleScore) => Counts) => scores.map(pick).reduce(addCounts, zero());
  const e = precisionRecall(sum((s) => s.entities));
  const r = precisionRecall(sum((s) => s.relations));
  const t = precisionRecall(sum((s) => s.typedRelations));
  const verbatim = scores.reduce((a, s) => ({ ok: a.ok + s.verbatim.ok, total: a.total + s.verbatim.total }), { ok: 0, total: 0 });
  const cells = [e.precision, e.recall, e.f1, r.precision, r.recall, r.f1, t.precision, t.recall].map(pct).join(" ");
  return `${label.padEnd(16)} ${String(scores.length).padStart(3)} ${cells} ${pct(verbatim.total ? verbatim.ok / verbatim.total : 1)}`;
}

/** A table of precision and recall per article, per language and overall. */
export function scoreTable(title: string, scores: ArticleScore[]): string {
  const header = `${"".padEnd(16)} ${"n".padStart(3)} ${["ent P", "ent R", "ent F1", "rel P", "rel R", "rel F1", "typed P", "typed R", "quotes"].map((h) => h.padStart(6)).join(" ")}`;
  const languages = [...new Set(scores.map((s) => s.language))].sort();
  return [
    `== ${title}`,
    header,
    ...scores.map((s) => row(s.articleId, [s])),
    ...languages.map((l) =>
      row(
        `lang ${l}`,
        scores.filter((s) => s.language === l),
      ),
    ),
    row("overall", scores),
  ].join("\n");
}

/** What the drafts missed (and, with `spurious`, what they invented), per article. */
export function missesReport(scores: ArticleScore[], limit: number, spurious: boolean): string {
  const lines: string[] = [];
  for (const s of scores) {
    lines.push(
      `-- ${s.articleId} (${s.language}): missed ${s.missedEntities.length} entities, ${s.missedRelations.length} relations (${s.reachableRelations} of ${s.relations.gold} gold pairs had both entities found)`,
    );
    for (const e of s.missedEntities.slice(0, limit)) lines.push(`   missed entity   ${e}`);
    for (const r of s.missedRelations.slice(0, limit)) lines.push(`   missed relation ${r.slice(0, 140)}`);
    if (spurious) for (const e of s.spuriousEntities.slice(0, limit)) lines.push(`   spurious entity ${e}`);
  }
  return lines.join("\n");
}

/** Overall figures as plain numbers, for BENCHMARKS.md and tests. */
export function overall(scores: ArticleScore[]) {
  const sum = (pick: (s: ArticleScore) => Counts) => scores.map(pick).reduce(addCounts, zero());
  return {
    entities: precisionRecall(sum((s) => s.entities)),
    relations: precisionRecall(sum((s) => s.relations)),
    typedRelations: precisionRecall(sum((s) => s.typedRelations)),
  };
}

/** Relation precision per rule, over all articles: which rules earn their keep. */
export function ruleTable(scores: ArticleScore[]): string {
  const total = new Map<string, { predicted: number; correct: number }>();
  for (const s of scores)
    for (const [rule, c] of Object.entries(s.relationRules)) {
      const t = total.get(rule) ?? { predicted: 0, correct: 0 };
      t.predicted += c.predicted;
      t.correct += c.correct;
      total.set(rule, t);
    }
  const rows = [...total].sort((a, b) => b[1].predicted - a[1].predicted);
  return rows
    .map(
      ([rule, c]) =>
        `   ${rule.padEnd(36)} ${String(c.predicted).padStart(4)} drafted ${pct(c.predicted ? c.correct / c.predicted : 0)} right pair`,
    )
    .join("\n");
}
