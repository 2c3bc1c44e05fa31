import { createHash } from "node:crypto";
import type { Driver } from "neo4j-driver";
import { writePlan } from "../../src/db/import-plan.js";
import { seedPaths } from "../../src/ingest/load.js";
import type { ImportPlan } from "../../src/ingest/plan.js";
import { prepareImport } from "../../src/ingest/prepare.js";
import { log } from "../../src/log.js";
import { DATABASE, resetGraph } from "./neo4j.js";
import { SEED_DIR } from "./seed-corpus.js";

/** A digest of every node and relationship with all properties: equal digests mean an identical graph. */
export async function graphFingerprint(driver: Driver): Promise<string> {
  const nodes = await driver.executeQuery(
    "MATCH (n) WHERE NOT n:SchemaMigration RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id",
    {},
    { database: DATABASE },
  );
  const rels = await driver.executeQuery(
    "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS props ORDER BY a, t, b",
    {},
    { database: DATABASE },
  );
  const hash = createHash("sha256");
  for (const r of [...nodes.records, ...rels.records])
    hash.update(JSON.stringify(r.toObject(), (_k, v) => (typeof v === "bigint" ? String(v) : v)));
  return `${nodes.records.length} nodes, ${rels.records.length} relationships, ${hash.digest("hex").slice(0, 16)}`;
}

/** The seed data imported in one transaction into an emptied database, and the fingerprint of the result. */
export async function freshSeedImport(driver: Driver): Promise<{ plan: ImportPlan; fingerprint: string }> {
  const plan = await prepareImport(seedPaths(SEED_DIR));
  await resetGraph(driver);
  await writePlan(driver, plan, { database: DATABASE, log });
  return { plan, fingerprint: await graphFingerprint(driver) };
}
