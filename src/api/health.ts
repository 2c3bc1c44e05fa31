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

/** How long /health waits for Neo4j: a load balancer needs an answer, not a hang. */
export const HEALTH_DEADLINE_MS = 1_000;

/**
 * Healthy only when Neo4j answers within HEALTH_DEADLINE_MS and every schema file has been applied
 * and its indexes are online.
 */
export async function checkHealth(driver: Driver, database: string): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Health>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, neo4j: "down", schema: "missing", detail: `Neo4j did not answer within ${HEALTH_DEADLINE_MS} ms` }),
      HEALTH_DEADLINE_MS,
    );
  });
  try {
    return await Promise.race([probe(driver, database), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function probe(driver: Driver, database: string): Promise<Health> {
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
