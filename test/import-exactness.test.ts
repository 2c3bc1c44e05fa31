import { execFile } from "node:child_process";
import { readFile, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printSummary } from "../src/cli/print-summary.js";
import { projectRoot } from "../src/config.js";
import { importParts, PartialImportError, writePlan } from "../src/db/import-plan.js";
import { planRows, segments } from "../src/db/import-rows.js";
import { seedGraph } from "../src/db/seed.js";
import { seedPaths } from "../src/ingest/load.js";
import { prepareImport } from "../src/ingest/prepare.js";
import { DataError, type DataProblem } from "../src/ingest/problems.js";
import { log } from "../src/log.js";
import { gql, seededApiForSuite, token } from "./support/api.js";
import { graphFingerprint } from "./support/fingerprint.js";
import { count, DATABASE, resetGraph, seededGraph, testDriver } from "./support/neo4j.js";
import { copySeed, SEED_DIR } from "./support/seed-corpus.js";

const KO = "000_40209cd791088b9a.json";
const KO_TEXT = "000_40209cd791088b9a.txt";
const JA = "004_24e069c5cde581db.json";

type Json = Record<string, any>;

const show = (problems: DataProblem[]) => problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join("\n");

/** A copy of seed/ changed by `change`, removed after `use`. */
async function withCopy<T>(change: (dir: string) => Promise<void>, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await copySeed();
  try {
    await change(dir);
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function editJson(dir: string, file: string, change: (j: Json) => void) {
  const p = path.join(dir, "annotations", file);
  const j = JSON.parse(await readFile(p, "utf8"));
  change(j);
  await writeFile(p, JSON.stringify(j, null, 2));
}

async function problemsOf(dir: string): Promise<DataProblem[]> {
  const error = await prepareImport(seedPaths(dir)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DataError);
  return (error as DataError).problems;
}

describe("imports are exact: validation catches what the store would refuse, before anything is written", () => {
  let driver: Driver;
  let before: string;
  beforeAll(async () => {
    driver = await seededGraph();
    before = await graphFingerprint(driver);
  });
  afterAll(async () => driver?.close());

  /** The KO article's first measure stated twice with another value. */
  const duplicateMeasure = (dir: string) =>
    editJson(dir, KO, (j) => {
      j.measures.push({ ...j.measures[0], value: j.measures[0].value + 1 });
    });

  it("a duplicate measure (same entity, metric and article) is a problem with file and path; the stored value stays", async () => {
    await withCopy(duplicateMeasure, async (dir) => {
      const ko = JSON.parse(await readFile(path.join(dir, "annotations", KO), "utf8"));
      const stored = await driver.executeQuery(
        "MATCH (m:Measure {articleId: 'article-000', metric: $metric})<-[:HAS_MEASURE]-(:Entity {id: $entity}) RETURN m.value AS value",
        { metric: ko.measures[0].metric, entity: ko.measures[0].entity },
        { database: DATABASE },
      );
      expect(stored.records.map((r) => r.get("value"))).toEqual([ko.measures[0].value]);
      const error = await seedGraph(driver, dir, DATABASE, log).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataError);
      const problems = (error as DataError).problems;
      expect(problems, show(problems)).toEqual([
        {
          file: expect.stringMatching(new RegExp(`annotations/${KO}$`)),
          path: `measures[${ko.measures.length - 1}]`,
          message: expect.stringMatching(/^duplicate measure: .*measures\[0\] already gives/),
        },
      ]);
      expect(await graphFingerprint(driver)).toBe(before);
    });
  });

  it("a duplicate measure on an empty graph, in several transactions, writes nothing", async () => {
    await withCopy(duplicateMeasure, async (dir) => {
      await resetGraph(driver);
      const error = await seedGraph(driver, dir, DATABASE, log, { txRows: 100 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataError);
      expect(await count(driver, "MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n)")).toBe(0);
    });
    driver = await seededGraph();
    expect(await graphFingerprint(driver)).toBe(before);
  });

  it("an article text that is not valid UTF-8 is refused naming the file and byte, and nothing else is reported", async () => {
    await withCopy(
      async (dir) => {
        const p = path.join(dir, "articles", KO_TEXT);
        const bytes = await readFile(p);
        const at = bytes.indexOf(0x0a) + 1; // the start of the second line
        await writeFile(p, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xfe]), bytes.subarray(at)]));
      },
      async (dir) => {
        const error = await seedGraph(driver, dir, DATABASE, log).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DataError);
        const problems = (error as DataError).problems;
        expect(problems, show(problems)).toEqual([
          {
            file: expect.stringMatching(new RegExp(`articles/${KO_TEXT}$`)),
            path: "",
            message: expect.stringMatching(/^not valid UTF-8: invalid byte sequence at byte \d+ \(line 2: ff fe/),
          },
        ]);
        expect(await graphFingerprint(driver)).toBe(before);
      },
    );
  });

  it("a byte-order mark is stripped from article texts and JSON files alike: the same graph, byte for byte", async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    await withCopy(
      async (dir) => {
        for (const p of [path.join(dir, "articles", KO_TEXT), path.join(dir, "annotations", KO), path.join(dir, "catalogue.json")])
          await writeFile(p, Buffer.concat([bom, await readFile(p)]));
      },
      async (dir) => {
        const summary = await seedGraph(driver, dir, DATABASE, log);
        expect(summary.changed).toBe(0);
        expect(await graphFingerprint(driver)).toBe(before);
        const { records } = await driver.executeQuery(
          "MATCH (a:Article {id: 'article-000'}) RETURN a.text AS text",
          {},
          { database: DATABASE },
        );
        const original = await readFile(path.join(projectRoot, "seed", "articles", KO_TEXT));
        expect(Buffer.from(records[0]?.get("text") as string, "utf8").equals(original)).toBe(true);
      },
    );
  });

  it("a JSON object naming a key twice is refused with the key's path", async () => {
    await withCopy(
      async (dir) => {
        const p = path.join(dir, "annotations", JA);
        const raw = await readFile(p, "utf8");
        // A second "name" in the first entity: JSON.parse would silently keep the last one.
        await writeFile(p, raw.replace(/"name": ("[^"]*")/, '"name": $1, "name": "Something else"'));
      },
      async (dir) => {
        const problems = await problemsOf(dir);
        expect(problems, show(problems)).toEqual([
          {
            file: expect.stringMatching(new RegExp(`annotations/${JA}$`)),
            path: expect.stringMatching(/^entities\[0\]\.name$|^article\.name$/),
            message: expect.stringMatching(/^duplicate key "name" \(line \d+, column \d+\)/),
          },
        ]);
      },
    );
  });

  it("a missing catalogue is reported as missing, once, with no follow-on errors about references into it", async () => {
    await withCopy(
      (dir) => unlink(path.join(dir, "catalogue.json")),
      async (dir) => {
        const problems = await problemsOf(dir);
        expect(problems, show(problems)).toEqual([
          { file: expect.stringMatching(/catalogue\.json$/), path: "", message: "missing: no such file" },
        ]);
      },
    );
  });

  it("a missing articles folder is one problem, not one per article", async () => {
    await withCopy(
      (dir) => rm(path.join(dir, "articles"), { recursive: true }),
      async (dir) => {
        const problems = await problemsOf(dir);
        expect(problems, show(problems)).toEqual([
          { file: expect.stringMatching(/articles$/), path: "", message: "missing: no such folder" },
        ]);
      },
    );
  });

  it("one malformed annotation is its only problem: the references other files make into it are not repeated", async () => {
    await withCopy(
      async (dir) => {
        const p = path.join(dir, "annotations", KO);
        await writeFile(p, (await readFile(p, "utf8")).slice(0, -200));
      },
      async (dir) => {
        const problems = await problemsOf(dir);
        expect(problems, show(problems)).toHaveLength(1);
        expect(problems[0]).toMatchObject({ file: expect.stringMatching(new RegExp(`${KO}$`)), path: "", message: /^not valid JSON/ });
      },
    );
  });

  it("an annotation failing its schema reports only its own problems", async () => {
    await withCopy(
      (dir) =>
        editJson(dir, KO, (j) => {
          j.article.language = "xx";
        }),
      async (dir) => {
        const problems = await problemsOf(dir);
        expect(problems, show(problems)).toEqual([
          expect.objectContaining({ file: expect.stringMatching(new RegExp(`${KO}$`)), path: "article.language" }),
        ]);
      },
    );
  });

  it("a dangling reference is reported once, not again by every relation and measure using it", async () => {
    await withCopy(
      (dir) =>
        editJson(dir, KO, (j) => {
          // A catalogue entity the article refers to and states relations about, misspelt.
          const i = j.entities.findIndex(
            (m: Json) => m.ref && j.relations.filter((r: Json) => r.from === m.ref || r.to === m.ref).length > 1,
          );
          const id = j.entities[i].ref;
          j.entities[i].ref = "atlantis";
          for (const r of j.relations) for (const end of ["from", "to"]) if (r[end] === id) r[end] = "atlantis";
          for (const m of j.measures) if (m.entity === id) m.entity = "atlantis";
        }),
      async (dir) => {
        const problems = await problemsOf(dir);
        expect(problems, show(problems)).toEqual([
          expect.objectContaining({
            path: expect.stringMatching(/^entities\[\d+\]\.ref$/),
            message: expect.stringMatching(/atlantis resolves to no entity/),
          }),
        ]);
      },
    );
  });

  it("output is capped: the first 50 problems, then how many more and the total", async () => {
    await withCopy(
      (dir) =>
        editJson(dir, KO, (j) => {
          for (const r of j.relations) r.quote = `${r.quote} (not in the text)`;
        }),
      async (dir) => {
        const problems = await problemsOf(dir);
        expect(problems.length).toBeGreaterThan(50);
        const { stderr, code } = await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/validate.ts", "--seed", dir], {
          cwd: projectRoot,
        }).then(
          (r) => ({ ...r, code: 0 }),
          (e: { stderr: string; code: number }) => e,
        );
        expect(code).toBe(1);
        const lines = stderr.trim().split("\n");
        expect(lines.filter((l) => l.includes(KO))).toHaveLength(50);
        expect(lines).toContain(`… and ${problems.length - 50} more (total ${problems.length})`);
        expect((await prepareImport(seedPaths(dir)).catch((e: Error) => e.message)) as string).toMatch(
          new RegExp(`… and ${problems.length - 50} more \\(total ${problems.length}\\)$`),
        );
      },
    );
  });
});

describe("summary counts equal what was written, read back from the database", () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await seededGraph();
  });
  afterAll(async () => driver?.close());

  const totals = async () => ({
    nodes: await count(driver, "MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n)"),
    relationships: await count(driver, "MATCH ()-[r]->() RETURN count(r)"),
  });

  for (const txRows of [100_000, 150]) {
    it(`on an empty graph and after relationships between stored nodes were deleted (txRows ${txRows})`, async () => {
      await resetGraph(driver);
      const first = await seedGraph(driver, SEED_DIR, DATABASE, log, { txRows });
      const written = await totals();
      expect(first.changes.nodesCreated).toBe(written.nodes);
      expect(first.changes.relationshipsCreated).toBe(written.relationships);
      // The summary's own counts by label and type are what the graph holds: no ImportPart marks.
      expect(Object.values(first.nodes).reduce((a, b) => a + b, 0)).toBe(
        await count(driver, "MATCH (n:Entity|Article|Measure) RETURN count(n)"),
      );
      expect(first.nodes.ImportPart).toBeUndefined();

      // Stated relations between stored entities are MERGEd (apoc.merge.relationship): delete some,
      // and the re-import recreates them through that path.
      await driver.executeQuery("MATCH ()-[r:LOCATED_IN|PART_OF|WORKS_AT]->() DELETE r", {}, { database: DATABASE });
      const deleted = written.relationships - (await totals()).relationships;
      expect(deleted).toBeGreaterThan(100);
      const second = await seedGraph(driver, SEED_DIR, DATABASE, log, { txRows });
      expect((await totals()).relationships).toBe(written.relationships);
      expect(second.changes.relationshipsCreated).toBe(deleted);
      expect(second.changes.nodesCreated).toBe(0);
    });
  }

  it("leftover ImportPart marks of a dead run never show in the counts", async () => {
    await driver.executeQuery("CREATE (:ImportPart {id: 'dead:0:0', run: 'dead', at: datetime()})", {}, { database: DATABASE });
    const summary = await seedGraph(driver, SEED_DIR, DATABASE, log);
    expect(summary.nodes.ImportPart).toBeUndefined();
    expect(Object.keys(summary.nodes).sort()).toEqual(
      [
        "Agreement",
        "Article",
        "Company",
        "Event",
        "Institution",
        "Lab",
        "Measure",
        "Person",
        "ProductionLine",
        "Region",
        "Technology",
      ].sort(),
    );
    await driver.executeQuery("MATCH (p:ImportPart) DELETE p", {}, { database: DATABASE });
  });
});

describe("a partial import names the parts that committed", () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await testDriver();
  });
  afterAll(async () => driver?.close());

  it("the parts the message names are exactly what the database holds", async () => {
    const plan = await prepareImport(seedPaths(SEED_DIR));
    const broken = structuredClone(plan);
    // A relation whose property Neo4j cannot store (a mixed list): its part fails.
    broken.relations.push({ type: "LOCATED_IN", from: "cityu", to: "hong-kong", props: { bad: ["text", 1] as never } });
    await resetGraph(driver);
    const error = await writePlan(driver, broken, { database: DATABASE, log, txRows: 200, writers: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialImportError);
    const partial = error as PartialImportError;
    const nothingStored = {
      entities: new Map(),
      articles: new Map(),
      measures: new Map(),
      unchangedMentions: new Set<number>(),
      unchangedRelations: new Set<number>(),
    };
    const parts = importParts(segments(planRows(broken), nothingStored), 200, "test").flat();
    expect(partial.total).toBe(parts.length);
    const named = parts.filter((p) => partial.committedParts.includes(p.label));
    expect(named.map((p) => p.label)).toEqual(partial.committedParts);
    expect(partial.committedParts).not.toContain(partial.failedPart);
    const rows = (files: string[]) =>
      named.flatMap((p) => p.segments).reduce((n, s) => n + (files.some((f) => s.file.endsWith(f)) ? s.rows.length : 0), 0);
    expect(await count(driver, "MATCH (n:Entity|Article|Measure) RETURN count(n)")).toBe(
      rows(["create-articles.cypher", "create-entities.cypher", "create-measures.cypher"]),
    );
    expect(await count(driver, "MATCH ()-[r]->() RETURN count(r)")).toBe(
      rows(["create-mentions.cypher", "create-relations.cypher", "create-measures.cypher"]),
    );
    expect(partial.message).toContain(`after ${named.length} committed (${partial.committedParts.join(", ")})`);
    // The run's marks are cleared: nothing of the failed run is left in the counts.
    expect(await count(driver, "MATCH (p:ImportPart) RETURN count(p)")).toBe(0);
    await resetGraph(driver);
  });
});

describe("drift: a curated fact edited through the API", () => {
  const seeded = seededApiForSuite();

  const rename = async (name: string) => {
    const r = await gql(
      seeded.api,
      `mutation ($name: String!) { updateCompanies(where: { id: { eq: "catl" } }, update: { name: { set: $name } }) { companies { id name } } }`,
      { name },
      await token("editor"),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateCompanies.companies).toEqual([{ id: "catl", name }]);
  };
  const storedName = async () => {
    const { records } = await seeded.driver.executeQuery(
      "MATCH (n:Company {id: 'catl'}) RETURN n.name AS name",
      {},
      { database: DATABASE },
    );
    return records[0]?.get("name") as string;
  };

  it("npm run seed reports it property by property and keeps the edit by default", async () => {
    const curated = await storedName();
    await rename("CATL (renamed by an editor)");
    const before = await graphFingerprint(seeded.driver);
    const summary = await seedGraph(seeded.driver, SEED_DIR, DATABASE, log);
    expect(summary.drift.action).toBe("kept");
    expect(summary.drift.facts).toEqual([
      expect.objectContaining({
        fact: "entity catl",
        origin: expect.stringMatching(/\.json at entities\[\d+\]\.id$/),
        differences: [{ property: "name", curated, graph: "CATL (renamed by an editor)" }],
        // Who changed it and when, as the API recorded it (the editor token's subject).
        editedBy: "test",
        editedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    ]);
    expect(summary.changed).toBe(0);
    expect(await storedName()).toBe("CATL (renamed by an editor)");
    expect(await graphFingerprint(seeded.driver)).toBe(before);

    const printed: string[] = [];
    const log0 = console.log;
    console.log = (...args: unknown[]) => void printed.push(args.join(" "));
    try {
      printSummary(summary);
    } finally {
      console.log = log0;
    }
    const text = printed.join("\n");
    expect(text).toContain("Drift: 1 curated fact(s) differ in the graph from their files");
    expect(text).toContain(`name: file ${JSON.stringify(curated)}, graph "CATL (renamed by an editor)"`);
    expect(text).toMatch(/entity catl \(.*\), edited by test at \d{4}-\d\d-\d\dT/);
    expect(text).toContain("Kept the graph's values (the default). To restore the curated values: npm run seed -- --restore-curated");
    expect(text).not.toContain("the graph already holds exactly this data");
  });

  it("--restore-curated writes the curated value back, and the next run finds no drift", async () => {
    const restored = await seedGraph(seeded.driver, SEED_DIR, DATABASE, log, { restoreCurated: true });
    expect(restored.drift.action).toBe("restored");
    expect(restored.drift.facts.map((f) => f.fact)).toEqual(["entity catl"]);
    expect(restored.changes.propertiesSet).toBeGreaterThan(0);
    const again = await seedGraph(seeded.driver, SEED_DIR, DATABASE, log);
    expect(again.drift.facts).toEqual([]);
    expect(again.changed).toBe(0);
    // Exactly the graph a fresh import of the files gives.
    const restoredPrint = await graphFingerprint(seeded.driver);
    await resetGraph(seeded.driver);
    await seedGraph(seeded.driver, SEED_DIR, DATABASE, log);
    expect(await graphFingerprint(seeded.driver)).toBe(restoredPrint);
  });

  it("articles ingested and reviewed through the review API are not drift", async () => {
    const text = "香港城市大学参加第二届香港国际创科展。新能源联合实验室位于东莞。";
    const ingested = await gql(
      seeded.api,
      "mutation ($text: String!) { ingestArticle(text: $text) { articleId facts { id status } } }",
      { text },
      await token("editor"),
    );
    expect(ingested.errors).toBeUndefined();
    const { articleId, facts } = ingested.data?.ingestArticle as { articleId: string; facts: Array<{ id: string; status: string }> };
    const drafts = facts.filter((f) => f.status === "DRAFT").map((f) => f.id);
    expect(drafts.length).toBeGreaterThan(1);
    const reviewed = await gql(
      seeded.api,
      "mutation ($articleId: ID!, $accept: [ID!], $reject: [ID!]) { reviewFacts(articleId: $articleId, accept: $accept, reject: $reject) { accepted rejected } }",
      { articleId, accept: drafts.slice(0, 1), reject: drafts.slice(-1) },
      await token("editor"),
    );
    expect(reviewed.errors).toBeUndefined();
    const summary = await seedGraph(seeded.driver, SEED_DIR, DATABASE, log);
    expect(summary.drift.facts).toEqual([]);
    expect(summary.changed).toBe(0);
  });

  it("a relation edited through the API: drift says who and when", async () => {
    const r = await gql(
      seeded.api,
      `mutation { updateInstitutions(where: { id: { eq: "cityu" } }, update: { locatedIn: [{ update: { where: { node: { id: { eq: "hong-kong" } } }, edge: { title: { set: "edited" } } } }] }) {
        institutions { locatedInConnection(where: { node: { id: { eq: "hong-kong" } } }) { edges { properties { title editedBy editedAt } } } } } }`,
      {},
      await token("editor"),
    );
    expect(r.errors).toBeUndefined();
    const [edge] = r.data?.updateInstitutions.institutions[0].locatedInConnection.edges ?? [];
    expect(edge.properties).toMatchObject({ title: "edited", editedBy: "test" });
    const summary = await seedGraph(seeded.driver, SEED_DIR, DATABASE, log);
    expect(summary.drift.facts).toEqual([
      expect.objectContaining({
        fact: "relation cityu -[LOCATED_IN]-> hong-kong",
        differences: [{ property: "title", curated: null, graph: "edited" }],
        editedBy: "test",
        editedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    ]);
    await seedGraph(seeded.driver, SEED_DIR, DATABASE, log, { restoreCurated: true });
    expect((await seedGraph(seeded.driver, SEED_DIR, DATABASE, log)).drift.facts).toEqual([]);
  });

  it("edits of relationships and mentions are found too, restored, and then there is no drift", async () => {
    await seeded.driver.executeQuery(
      "MATCH (:Entity {id: 'cityu'})-[r:LOCATED_IN]->() SET r.quotes = ['edited'] WITH count(*) AS n RETURN n",
      {},
      { database: DATABASE },
    );
    const { records } = await seeded.driver.executeQuery(
      "MATCH (:Article {id: 'article-000'})-[m:MENTIONS]->(e:Entity) WITH m, e ORDER BY e.id LIMIT 1 SET m.surfaces = ['edited'] RETURN e.id AS id",
      {},
      { database: DATABASE },
    );
    const mentioned = records[0]?.get("id") as string;
    const summary = await seedGraph(seeded.driver, SEED_DIR, DATABASE, log);
    const relations = summary.drift.facts.filter((f) => f.fact.startsWith("relation"));
    expect(relations.length).toBeGreaterThan(0);
    for (const f of relations) {
      expect(f.fact).toMatch(/^relation cityu -\[LOCATED_IN\]-> /);
      expect(f.differences.map((d) => d.property)).toEqual(["quotes"]);
    }
    expect(summary.drift.facts.filter((f) => !f.fact.startsWith("relation"))).toEqual([
      expect.objectContaining({
        fact: `mention article-000 -> ${mentioned}`,
        differences: [expect.objectContaining({ property: "surfaces", graph: ["edited"] })],
      }),
    ]);
    await seedGraph(seeded.driver, SEED_DIR, DATABASE, log, { restoreCurated: true });
    expect((await seedGraph(seeded.driver, SEED_DIR, DATABASE, log)).drift.facts).toEqual([]);
  });
});
