import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, inject } from "vitest";
import { connect } from "../../src/db/driver.js";
import { seedGraph } from "../../src/db/seed.js";
import { log } from "../../src/log.js";
import { SEED_DIR } from "./seed-corpus.js";

export const DATABASE = process.env.NEO4J_DATABASE ?? "neo4j";

/** A driver to the run's Neo4j (see global-setup.ts). */
export function testDriver(): Promise<Driver> {
  return connect({ uri: inject("neo4jUri"), user: inject("neo4jUser"), password: inject("neo4jPassword") });
}

/**
 * Registers hooks that open a driver before the suite's tests and close it after; read `.driver`
 * inside tests.
 */
export function driverForSuite(): { driver: Driver } {
  const handle = {} as { driver: Driver };
  beforeAll(async () => {
    handle.driver = await testDriver();
  });
  afterAll(async () => handle.driver?.close());
  return handle;
}

/** Empties the graph but keeps the schema and its migration records. */
export async function resetGraph(driver: Driver): Promise<void> {
  const session = driver.session({ database: DATABASE });
  try {
    // CALL { } IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery.
    await session.run("MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
  } finally {
    await session.close();
  }
}

export async function count(driver: Driver, query: string, params: Record<string, unknown> = {}): Promise<number> {
  const { records } = await driver.executeQuery(query, params, { database: DATABASE });
  return records[0]?.get(0) as number;
}

/** A driver to a graph holding exactly the seed articles. */
export async function seededGraph(): Promise<Driver> {
  const driver = await testDriver();
  await resetGraph(driver);
  await seedGraph(driver, SEED_DIR, DATABASE, log);
  return driver;
}
