import type { DriftedFact } from "../db/drift.js";
import type { SeedSummary } from "../db/seed.js";

/** How many drifted facts the report lists before it says how many more there are. */
const DRIFT_SHOWN = 50;

/** The human-readable import report: drift, changes, then counts by label and type, then per article. */
export function printSummary(s: SeedSummary): void {
  const c = s.changes;
  for (const line of driftLines(s.drift)) console.log(line);
  const kept = s.drift.action === "kept" ? s.drift.facts.length : 0;
  console.log(
    s.changed === 0
      ? kept > 0
        ? `\nNo changes written; the graph keeps ${kept} edited fact(s) that differ from the files (above).`
        : "\nNo changes: the graph already holds exactly this data."
      : `\nChanges: ${c.nodesCreated} nodes created, ${c.relationshipsCreated} relationships created, ${c.propertiesSet} properties set, ${c.labelsAdded} labels added.`,
  );
  console.log("\nNodes by label:");
  console.table(s.nodes);
  console.log("Relationships by type:");
  console.table(s.relationships);
  console.log("Per article:");
  console.table(s.perArticle);
}

/** The drift report: each fact that differs, property by property, then what the import did. */
export function driftLines(drift: SeedSummary["drift"]): string[] {
  const { facts, action } = drift;
  if (facts.length === 0) return [];
  const lines = [`\nDrift: ${facts.length} curated fact(s) differ in the graph from their files (changed after import):`];
  for (const f of facts.slice(0, DRIFT_SHOWN)) lines.push(...factLines(f));
  if (facts.length > DRIFT_SHOWN) lines.push(`  … and ${facts.length - DRIFT_SHOWN} more (total ${facts.length})`);
  lines.push(
    action === "kept"
      ? "Kept the graph's values (the default). To restore the curated values: npm run seed -- --restore-curated"
      : "Restored the curated values (--restore-curated).",
  );
  return lines;
}

function factLines(f: DriftedFact): string[] {
  const who = f.editedBy || f.editedAt ? `edited by ${f.editedBy ?? "?"} at ${f.editedAt ?? "?"}` : "who and when not recorded";
  return [
    `  ${f.fact}${f.origin ? ` (${f.origin})` : ""}, ${who}:`,
    ...f.differences.map((d) => `    ${d.property}: file ${show(d.curated)}, graph ${show(d.graph)}`),
  ];
}

function show(v: unknown): string {
  const text = JSON.stringify(v) ?? "null";
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
