import { describe, expect, it } from "vitest";
import { applySchema } from "../src/db/schema.js";
import { log } from "../src/log.js";
import { EntityKind } from "../src/model/entity.js";
import { count, DATABASE, driverForSuite } from "./support/neo4j.js";

describe("schema step", () => {
  const db = driverForSuite();

  it("is in place: unique ids per label, and a CJK full-text index over names", async () => {
    const { records } = await db.driver.executeQuery(
      "SHOW CONSTRAINTS YIELD labelsOrTypes, type RETURN labelsOrTypes[0] AS label, type",
      {},
      { database: DATABASE },
    );
    const unique = records.filter((r) => r.get("type") === "UNIQUENESS").map((r) => r.get("label"));
    for (const label of ["Entity", ...EntityKind.options, "Article"]) {
      expect(unique).toContain(label);
    }
    const ft = await db.driver.executeQuery(
      "SHOW FULLTEXT INDEXES YIELD name, properties, options RETURN name, properties, options.indexConfig['fulltext.analyzer'] AS analyzer",
      {},
      { database: DATABASE },
    );
    const entityNames = ft.records.find((r) => r.get("name") === "entity_names");
    expect(entityNames?.get("properties")).toEqual(["searchNames"]);
    expect(entityNames?.get("analyzer")).toBe("cjk");
  });

  it("applies nothing the second time and leaves the schema as it was", async () => {
    const before = await count(db.driver, "SHOW INDEXES YIELD name RETURN count(*)");
    const again = await applySchema(db.driver, DATABASE, log);
    expect(again.applied).toEqual([]);
    expect(again.skipped).toEqual(["001_constraints.cypher", "002_indexes.cypher", "003_fulltext.cypher", "004_review.cypher"]);
    expect(await count(db.driver, "SHOW INDEXES YIELD name RETURN count(*)")).toBe(before);
    expect(await count(db.driver, "MATCH (m:SchemaMigration) RETURN count(m)")).toBe(4);
  });

  it("refuses a schema file that changed after it was applied", async () => {
    await db.driver.executeQuery(
      "MATCH (m:SchemaMigration {name: '002_indexes.cypher'}) SET m.checksum = 'edited'",
      {},
      { database: DATABASE },
    );
    try {
      await expect(applySchema(db.driver, DATABASE, log)).rejects.toThrow(/002_indexes\.cypher changed after it was applied/);
    } finally {
      await db.driver.executeQuery("MATCH (m:SchemaMigration {name: '002_indexes.cypher'}) DELETE m", {}, { database: DATABASE });
      await applySchema(db.driver, DATABASE, log);
    }
  });
});
