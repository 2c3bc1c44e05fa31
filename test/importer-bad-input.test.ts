import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KindConflictError, PartialImportError, writeOnce, writePlan } from "../src/db/import-plan.js";
import { planRows, segments } from "../src/db/import-rows.js";
import { seedGraph } from "../src/db/seed.js";
import { seedPaths } from "../src/ingest/load.js";
import { prepareImport } from "../src/ingest/prepare.js";
import { DataError } from "../src/ingest/problems.js";
import { log } from "../src/log.js";
import { freshSeedImport, graphFingerprint } from "./support/fingerprint.js";
import { count, DATABASE, driverForSuite, resetGraph, seededGraph } from "./support/neo4j.js";
import { copySeed, SEED_DIR } from "./support/seed-corpus.js";

const KO = "000_40209cd791088b9a.json";
const JA = "004_24e069c5cde581db.json";

type Json = Record<string, any>;

/** A case's change to the parsed file, applied in place. */
const edit = (change: (json: Json) => void) => (json: Json) => {
  change(json);
  return json;
};

/** Each case breaks one file of a copy of seed/ and names the problem the importer must report. */
const CASES: Array<{
  name: string;
  file: string;
  breakIt: (json: Json, raw: string) => string | Json;
  expect: { path?: string; message: RegExp };
}> = [
  { name: "malformed JSON", file: KO, breakIt: (_j, raw) => raw.slice(0, 200), expect: { path: "", message: /not valid JSON/ } },
  {
    name: "unknown kind",
    file: KO,
    breakIt: edit((j) => {
      j.entities[7].kind = "Factory";
    }),
    expect: { path: "entities[7].kind", message: /unknown kind: expected one of Region, Institution/ },
  },
  {
    name: "unknown relation type",
    file: KO,
    breakIt: edit((j) => {
      j.relations[0].type = "ADMIRES";
    }),
    expect: { path: "relations[0].type", message: /expected one of "LOCATED_IN"/ },
  },
  {
    name: "missing article text",
    file: JA,
    breakIt: edit((j) => {
      j.article.file = "999_missing.txt";
    }),
    expect: { path: "article.file", message: /999_missing\.txt not found/ },
  },
  {
    name: "quote not in the text",
    file: KO,
    breakIt: edit((j) => {
      j.relations[5].quote = "동관시 국제기술이전센터 주임 김철수";
    }),
    expect: { path: "relations[5].quote", message: /does not occur verbatim/ },
  },
  {
    name: "surface form not in the text",
    file: JA,
    breakIt: edit((j) => {
      j.entities[0].seen = ["魯港交流会"];
    }),
    expect: { path: "entities[0].seen[0]", message: /"魯港交流会" does not occur verbatim/ },
  },
  {
    name: "dangling reference",
    file: KO,
    breakIt: edit((j) => {
      j.entities[0] = { ref: "atlantis", seen: ["동관"] };
    }),
    expect: { path: "entities[0].ref", message: /atlantis resolves to no entity/ },
  },
  {
    name: "relation to an entity the article does not list",
    file: KO,
    breakIt: edit((j) => {
      j.relations[0].to = "hktdc";
    }),
    expect: { path: "relations[0].to", message: /hktdc is not among this article's entities/ },
  },
  {
    name: "conflicting kinds for one id",
    file: JA,
    breakIt: (j) => {
      j.entities.push({ id: "cityu", kind: "Company", name: "CityU Ltd", seen: ["香港"] });
      return j;
    },
    expect: { path: "entities[37].id", message: /id cityu is claimed as Company here and as Institution in .*000_/ },
  },
  {
    name: "empty name",
    file: KO,
    breakIt: edit((j) => {
      j.entities[7].name = "  ";
    }),
    expect: { path: "entities[7].name", message: /must not be empty or blank/ },
  },
  {
    name: "wrong value type",
    file: KO,
    breakIt: (j) => {
      const line = j.entities.find((e: Json) => e.kind === "ProductionLine");
      line.capacity.value = "300";
      return j;
    },
    expect: { path: "entities[37].capacity.value", message: /expected number, received string/ },
  },
];

describe("bad input: clear errors, and the database exactly as before", () => {
  let driver: Driver;
  let before: string;
  beforeAll(async () => {
    driver = await seededGraph();
    before = await graphFingerprint(driver);
  });
  afterAll(async () => driver.close());

  for (const c of CASES) {
    it(c.name, async () => {
      const dir = await copySeed();
      try {
        const file = path.join(dir, "annotations", c.file);
        const raw = await readFile(file, "utf8");
        const broken = c.breakIt(JSON.parse(raw), raw);
        await writeFile(file, typeof broken === "string" ? broken : JSON.stringify(broken, null, 2));
        const error = await seedGraph(driver, dir, DATABASE, log).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DataError);
        const problems = (error as DataError).problems;
        const match = problems.find(
          (p) => p.file.endsWith(c.file) && (c.expect.path === undefined || p.path === c.expect.path) && c.expect.message.test(p.message),
        );
        expect(match, `problems were:\n${problems.map((p) => `${p.file} ${p.path} ${p.message}`).join("\n")}`).toBeDefined();
        expect(await graphFingerprint(driver)).toBe(before);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }

  it("a relation endpoint of the wrong kind names both kinds", async () => {
    const dir = await copySeed();
    try {
      const file = path.join(dir, "annotations", KO);
      const j = JSON.parse(await readFile(file, "utf8"));
      const i = j.relations.findIndex((r: Json) => r.type === "WORKS_AT");
      j.relations[i].to = "ultra-low-voltage-decay-li-rich-manganese-cathode";
      await writeFile(file, JSON.stringify(j));
      const error = (await prepareImport(seedPaths(dir)).catch((e: unknown) => e)) as DataError;
      expect(error.problems).toContainEqual(
        expect.objectContaining({ path: `relations[${i}].to`, message: expect.stringMatching(/WORKS_AT cannot end at a Technology/) }),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a failure inside the write transaction rolls everything back", async () => {
    const plan = await prepareImport(seedPaths(SEED_DIR));
    // Valid rows first, then a relation whose property Neo4j cannot store (a mixed list): the
    // database rejects it in the fourth batch, after articles, entities and mentions were written.
    plan.entities.push({
      id: "rollback-probe",
      kind: "Company",
      props: { name: "Probe", names: ["Probe"], aliases: [], aliasLangs: [], garbledAliases: [] },
    });
    plan.relations.push({ type: "LOCATED_IN", from: "rollback-probe", to: "hong-kong", props: { bad: ["text", 1] as never } });
    await resetGraph(driver);
    await expect(writePlan(driver, plan, { database: DATABASE, log })).rejects.toMatchObject({ code: expect.stringMatching(/^Neo\./) });
    expect(await graphFingerprint(driver)).toMatch(/^0 nodes, 0 relationships/);
    await seedGraph(driver, SEED_DIR, DATABASE, log);
  });

  it("refuses data that would change the kind of an entity already stored", async () => {
    const plan = await prepareImport(seedPaths(SEED_DIR));
    const cityu = plan.entities.find((e) => e.id === "cityu");
    if (!cityu) throw new Error("cityu missing from the plan");
    cityu.kind = "Company";
    const error = await writePlan(driver, plan, { database: DATABASE, log }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KindConflictError);
    // Named by the file and path that define the entity, like every data problem.
    expect((error as KindConflictError).problems).toEqual([
      {
        file: expect.stringMatching(/annotations\/000_40209cd791088b9a\.json$/),
        path: expect.stringMatching(/^entities\[\d+\]\.id$/),
        message: expect.stringMatching(/^cityu is Institution, data says Company/),
      },
    ]);
    expect(await graphFingerprint(driver)).toBe(before);
  });
});

describe("an import larger than one transaction", () => {
  const db = driverForSuite();

  it("commits in parts of txRows rows and ends where a single-transaction import ends", async () => {
    const { plan, fingerprint: single } = await freshSeedImport(db.driver);
    await resetGraph(db.driver);
    const committed: number[] = [];
    const progress = pino({ level: "info" }, { write: (line: string) => void committed.push(JSON.parse(line).committed ?? 0) });
    await writePlan(db.driver, plan, { database: DATABASE, log: progress, txRows: 150, batchSize: 40 });
    expect(committed.filter(Boolean)).toEqual(committed.filter(Boolean).map((_, i) => i + 1));
    expect(committed.filter(Boolean).length).toBeGreaterThan(5);
    expect(await graphFingerprint(db.driver)).toBe(single);
  });

  it("a part run again after it committed (a db.driver retry after a lost commit acknowledgement) writes nothing", async () => {
    const plan = await prepareImport(seedPaths(SEED_DIR));
    await resetGraph(db.driver);
    const nothingStored = {
      entities: new Map(),
      articles: new Map(),
      measures: new Map(),
      unchangedMentions: new Set<number>(),
      unchangedRelations: new Set<number>(),
    };
    const work = segments(planRows(plan), nothingStored);
    const o = { database: DATABASE, log };
    await writeOnce(
      db.driver,
      o,
      work.filter((s) => s.phase === "nodes"),
      { run: "retry-test", key: "retry-test:0:0", batchSize: 500 },
    );
    // Relationships between stored nodes only: CREATE rows that would silently double if run twice.
    const links = work.filter((s) => s.file === "import/create-relations.cypher" || s.file === "import/create-mentions.cypher");
    const marker = { run: "retry-test", key: "retry-test:1:0", batchSize: 500 };
    const first = await writeOnce(db.driver, o, links, marker);
    const relationships = await count(db.driver, "MATCH ()-[r]->() RETURN count(r)");
    expect(first.relationshipsCreated).toBe(relationships);
    expect(relationships).toBe(plan.relations.length + plan.mentions.length);
    const retried = await writeOnce(db.driver, o, links, marker);
    expect(retried.relationshipsCreated).toBe(0);
    expect(await count(db.driver, "MATCH ()-[r]->() RETURN count(r)")).toBe(relationships);
    // What the mark prevents: without it, the same part doubles every relationship.
    await db.driver.executeQuery("MATCH (p:ImportPart {id: $key}) DELETE p", { key: marker.key }, { database: DATABASE });
    await writeOnce(db.driver, o, links, marker);
    expect(await count(db.driver, "MATCH ()-[r]->() RETURN count(r)")).toBe(2 * relationships);
    await resetGraph(db.driver);
  });

  it("says which part failed, keeps the committed parts, and a re-run completes the import", async () => {
    const { plan, fingerprint: complete } = await freshSeedImport(db.driver);
    await resetGraph(db.driver);
    const broken = structuredClone(plan);
    broken.relations.push({ type: "LOCATED_IN", from: "cityu", to: "hong-kong", props: { bad: ["text", 1] as never } });
    const error = await writePlan(db.driver, broken, { database: DATABASE, log, txRows: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialImportError);
    expect((error as Error).cause).toMatchObject({ code: expect.stringMatching(/^Neo\./) });
    expect((error as Error).message).toMatch(
      /failed in part links \d+\/\d+ of its \d+ transactions, after \d+ committed \(nodes 1\/1, .*run the same import again/,
    );
    expect(await count(db.driver, "MATCH (n:Entity) RETURN count(n)")).toBe(plan.entities.length);
    await writePlan(db.driver, plan, { database: DATABASE, log, txRows: 300 });
    expect(await graphFingerprint(db.driver)).toBe(complete);
  });
});
