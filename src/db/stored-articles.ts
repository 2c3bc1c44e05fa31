import type { Driver, ManagedTransaction } from "neo4j-driver";
import type { StoredArticle } from "../ingest/stored.js";
import { cypher } from "./cypher.js";

/** The articles ingested through the review API, with their stored annotations, read in `tx`. */
export async function readStoredArticles(tx: ManagedTransaction): Promise<StoredArticle[]> {
  const result = await tx.run(cypher("queries/stored-articles.cypher"));
  return result.records.map((r) => ({ articleId: r.get("articleId"), json: r.get("json"), text: r.get("text") }));
}

/** The same, in a read transaction of its own. */
export async function storedArticles(driver: Driver, database: string): Promise<StoredArticle[]> {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    return await session.executeRead(readStoredArticles);
  } finally {
    await session.close();
  }
}
