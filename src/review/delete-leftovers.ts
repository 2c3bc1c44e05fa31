import type { ManagedTransaction } from "neo4j-driver";
import { cypher } from "../db/cypher.js";
import type { Logger } from "../log.js";
import type { Leftovers } from "./leftovers.js";

/**
 * Deletes, in the review's transaction, what the import cannot remove: relationships no annotation
 * states any more, the article's MENTIONS of rejected entities, rejected measures, and entity nodes
 * nothing defines any more (kept, with a warning, when something else still links to them).
 */
export async function deleteLeftovers(tx: ManagedTransaction, gone: Leftovers, log: Logger): Promise<void> {
  if (gone.relations.length > 0) await tx.run(cypher("review/delete-relations.cypher"), { rows: gone.relations });
  if (gone.mentions.length > 0) await tx.run(cypher("review/delete-mentions.cypher"), { rows: gone.mentions });
  if (gone.measures.length > 0) await tx.run(cypher("review/delete-measures.cypher"), { ids: gone.measures });
  if (gone.entities.length === 0) return;
  const { records } = await tx.run(cypher("review/delete-entities.cypher"), { ids: gone.entities });
  const kept = records.map((r) => r.get("kept") as string);
  if (kept.length > 0) log.warn({ kept }, "rejected entities kept: something outside the article data links to them");
}
