import type { Driver, ManagedTransaction } from "neo4j-driver";
import { cypher } from "../db/cypher.js";
import { Annotation } from "../model/annotation.js";
import type { EntityKind } from "../model/entity.js";
import { readSeedCorpus } from "./corpus.js";
import { type ArticleReview, articleReview, type EntityName } from "./facts.js";

type Reader = Pick<ManagedTransaction, "run">;

/**
 * An article with its facts: from the annotation stored on its node (ingested through the API), or
 * from seed/annotations for a curated article (every fact CURATED). Null when there is no such
 * article, or no annotation of it (a graph imported from elsewhere).
 */
export async function readArticleReview(tx: Reader, seedDir: string, articleId: string): Promise<ArticleReview | null> {
  const { records } = await tx.run(cypher("review/article.cypher"), { id: articleId });
  const row = records[0];
  if (!row) return null;
  const stored = row.get("annotation") as string | null;
  const annotation = stored ? Annotation.parse(JSON.parse(stored)) : await seedAnnotation(seedDir, articleId);
  if (!annotation) return null;
  return articleReview(annotation, row.get("text") as string, await entityNames(tx, annotation));
}

/** The same, in a read transaction of its own. */
export async function articleReviewOf(driver: Driver, database: string, seedDir: string, articleId: string, timeout: number) {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    return await session.executeRead((tx) => readArticleReview(tx, seedDir, articleId), { timeout });
  } finally {
    await session.close();
  }
}

/** The id of the article with exactly this text (by its SHA-256), if any. */
export async function articleWithText(tx: Reader, textHash: string): Promise<string | undefined> {
  const { records } = await tx.run(cypher("review/article-by-text.cypher"), { textHash });
  return records[0]?.get("id") as string | undefined;
}

async function seedAnnotation(seedDir: string, articleId: string): Promise<Annotation | undefined> {
  const { corpus } = await readSeedCorpus(seedDir);
  return corpus.annotations.find((a) => a.data.article.id === articleId)?.data;
}

async function entityNames(tx: Reader, annotation: Annotation): Promise<Map<string, EntityName>> {
  const ids = annotation.entities.map((m) => ("ref" in m ? m.ref : m.id));
  const { records } = await tx.run(cypher("review/entity-names.cypher"), { ids });
  return new Map(records.map((r) => [r.get("id") as string, { kind: r.get("kind") as EntityKind, name: r.get("name") as string }]));
}

/** The review of the article stored with exactly this text, if there is one (in a read transaction of its own). */
export async function reviewOfText(driver: Driver, database: string, seedDir: string, hash: string, timeout: number) {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    return await session.executeRead(
      async (tx) => {
        const id = await articleWithText(tx, hash);
        return id ? readArticleReview(tx, seedDir, id) : null;
      },
      { timeout },
    );
  } finally {
    await session.close();
  }
}
