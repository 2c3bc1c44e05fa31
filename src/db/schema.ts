import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { projectRoot } from "../config.js";
import type { Logger } from "../log.js";
import { statements } from "./cypher.js";

const SCHEMA_DIR = path.join(projectRoot, "cypher", "schema");

export interface SchemaResult {
  applied: string[];
  skipped: string[];
}

/**
 * Applies cypher/schema/*.cypher in file-name order, each once: an applied file is recorded as a
 * (:SchemaMigration {name, checksum}) node, and a second start skips it. A recorded file whose text
 * changed is refused: schema changes go in a new file.
 */
export async function applySchema(driver: Driver, database: string, log: Logger): Promise<SchemaResult> {
  const files = (await readdir(SCHEMA_DIR)).filter((f) => f.endsWith(".cypher")).sort();
  const result: SchemaResult = { applied: [], skipped: [] };
  const recorded = await recordedMigrations(driver, database);
  for (const name of files) {
    const text = await readFile(path.join(SCHEMA_DIR, name), "utf8");
    const checksum = createHash("sha256").update(text).digest("hex");
    const before = recorded.get(name);
    if (before === checksum) {
      result.skipped.push(name);
      continue;
    }
    if (before !== undefined) {
      throw new Error(`cypher/schema/${name} changed after it was applied to this database; put schema changes in a new file`);
    }
    for (const statement of statements(text)) await driver.executeQuery(statement, {}, { database });
    await driver.executeQuery(
      "MERGE (m:SchemaMigration {name: $name}) SET m.checksum = $checksum, m.appliedAt = datetime()",
      { name, checksum },
      { database },
    );
    log.info({ file: name }, "schema file applied");
    result.applied.push(name);
  }
  await driver.executeQuery("CALL db.awaitIndexes(120)", {}, { database });
  return result;
}

async function recordedMigrations(driver: Driver, database: string): Promise<Map<string, string>> {
  const { records } = await driver.executeQuery(
    "MATCH (m:SchemaMigration) RETURN m.name AS name, m.checksum AS checksum",
    {},
    { database },
  );
  return new Map(records.map((r) => [r.get("name") as string, r.get("checksum") as string]));
}
