import type { Driver } from "neo4j-driver";
import { seedPaths } from "../ingest/load.js";
import type { ImportPlan } from "../ingest/plan.js";
import { prepareImport } from "../ingest/prepare.js";
import type { Logger } from "../log.js";
import { cypher } from "./cypher.js";
import { type DriftedFact, findDrift, markForRestore } from "./drift.js";
import { type ImportCounts, writePlan } from "./import-plan.js";
import { storedArticles } from "./stored-articles.js";

export interface SeedSummary {
  changes: ImportCounts;
  /** Total number of writes; 0 when the data was already in the database. */
  changed: number;
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  perArticle: Array<{ id: string; file: string; entities: number; relations: number; measures: number }>;
  /**
   * Curated facts the graph holds with other values than their (unchanged) files say, found before
   * the import, and what the import did about them: kept the graph's values (the default) or
   * restored the curated ones (`restoreCurated`).
   */
  drift: { facts: DriftedFact[]; action: "kept" | "restored" };
}

/**
 * Validates and links the article data under `seedDir` together with the articles ingested through
 * the review API (stored in the graph, so a re-seed keeps their facts), then imports it: in one
 * transaction, or in transactions of `txRows` rows, `writers` at a time, when the corpus is larger
 * (see writePlan).
 */
export async function seedGraph(
  driver: Driver,
  seedDir: string,
  database: string,
  log: Logger,
  o: { txRows?: number; writers?: number; restoreCurated?: boolean } = {},
): Promise<SeedSummary> {
  log.info({ seedDir }, "validating article data");
  const plan = await prepareImport(seedPaths(seedDir), await storedArticles(driver, database));
  log.info(
    { articles: plan.articles.length, entities: plan.entities.length, relations: plan.relations.length, measures: plan.measures.length },
    "article data valid; importing",
  );
  const drift = await findDrift(driver, database, plan);
  const action = o.restoreCurated ? "restored" : "kept";
  if (drift.length > 0) {
    log.warn({ facts: drift.length, action }, "curated facts differ in the graph from their files");
    if (o.restoreCurated) await markForRestore(driver, database, drift);
  }
  const changes = await writePlan(driver, plan, { database, log, txRows: o.txRows, writers: o.writers });
  const counts = await graphCounts(driver, database);
  const changed = changes.nodesCreated + changes.relationshipsCreated + changes.propertiesSet + changes.labelsAdded;
  return { changes, changed, ...counts, perArticle: perArticle(plan), drift: { facts: drift, action } };
}

export async function graphCounts(driver: Driver, database: string) {
  const { records } = await driver.executeQuery(cypher("queries/graph-counts.cypher"), {}, { database });
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  for (const r of records) (r.get("what") === "node" ? nodes : relationships)[r.get("name") as string] = r.get("count") as number;
  return { nodes, relationships };
}

function perArticle(plan: ImportPlan): SeedSummary["perArticle"] {
  return plan.articles.map((a) => ({
    id: a.id,
    file: String(a.props.file),
    entities: plan.mentions.filter((m) => m.articleId === a.id).length,
    relations: plan.relations.filter((r) => (r.props.articleIds as string[]).includes(a.id)).length,
    measures: plan.measures.filter((m) => m.props.articleId === a.id).length,
  }));
}
