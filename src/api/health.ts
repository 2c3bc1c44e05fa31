import { readdirSync } from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { projectRoot } from "../config.js";
import { cypher } from "../db/cypher.js";

export interface Health {
  ok: boolean;
  neo4j: "up" | "down";
  schema: "ready" | "missing";
  detail?: string;
}

/** Healthy only when Neo4j answers and every schema file has been applied and its indexes are online. */
export async function checkHealth(driver: Driver, database: string): Promise<Health> {
  const expected = readdirSync(path.join(projectRoot, "cypher", "schema")).filter((f) => f.endsWith(".cypher"));
  try {
    const migrations = await driver.executeQuery(cypher("queries/health-migrations.cypher"), {}, { database, routing: "READ" });
    const indexes = await driver.executeQuery(cypher("queries/health-indexes.cypher"), {}, { database, routing: "READ" });
    const applied = migrations.records[0]?.get("applied") as string[];
    const missing = expected.filter((f) => !applied.includes(f));
    const notOnline = indexes.records[0]?.get("notOnline") as number;
    if (missing.length > 0 || notOnline > 0) {
      const detail = missing.length > 0 ? `schema files not applied: ${missing.join(", ")}` : `${notOnline} index(es) not online`;
      return { ok: false, neo4j: "up", schema: "missing", detail };
    }
    return { ok: true, neo4j: "up", schema: "ready" };
  } catch (err) {
    return { ok: false, neo4j: "down", schema: "missing", detail: (err as Error).message };
  }
}
