import type { SeedSummary } from "../db/seed.js";

/** The human-readable import report: changes, then counts by label and type, then per article. */
export function printSummary(s: SeedSummary): void {
  const c = s.changes;
  console.log(
    s.changed === 0
      ? "\nNo changes: the graph already holds exactly this data."
      : `\nChanges: ${c.nodesCreated} nodes created, ${c.relationshipsCreated} relationships created, ${c.propertiesSet} properties set, ${c.labelsAdded} labels added.`,
  );
  console.log("\nNodes by label:");
  console.table(s.nodes);
  console.log("Relationships by type:");
  console.table(s.relationships);
  console.log("Per article:");
  console.table(s.perArticle);
}
