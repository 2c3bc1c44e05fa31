import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorFormatter } from "../src/api/errors.js";
import { printGeneratedSchema } from "../src/api/print-schema.js";
import { projectRoot } from "../src/config.js";
import { log } from "../src/log.js";
import { gql, seededApiForSuite, token } from "./support/api.js";
import { count, DATABASE } from "./support/neo4j.js";

const seeded = seededApiForSuite();

const CREATE = `mutation ($id: ID!) {
  createCompanies(input: [{ id: $id, name: "Probe Co", names: ["Probe Co"], aliases: [], aliasLangs: [], garbledAliases: [] }]) { companies { id } }
}`;

describe("writes need a signed JWT with the editor role", () => {
  it.each([
    ["anonymous", undefined, "UNAUTHENTICATED"],
    ["a token signed with another secret", "other-secret-0123456789-0123456789-01", "UNAUTHENTICATED"],
    ["a reader", "reader", "FORBIDDEN"],
  ])("%s is refused and nothing is written", async (_who, as, code) => {
    const bearer = as === "reader" ? await token("reader") : as ? await token("editor", as) : undefined;
    const r = await gql(seeded.api, CREATE, { id: `probe-${code}` }, bearer);
    expect(r.errors?.[0]?.extensions?.code).toBe(code);
    expect(await count(seeded.driver, "MATCH (n {id: $id}) RETURN count(n)", { id: `probe-${code}` })).toBe(0);
  });

  it("an expired editor token is refused", async () => {
    const expired = await token("editor", undefined, "-1m");
    const r = await gql(seeded.api, CREATE, { id: "probe-expired" }, expired);
    expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("an editor writes, and the node gets its kind and the Entity label", async () => {
    const r = await gql(seeded.api, CREATE, { id: "probe-editor" }, await token("editor"));
    expect(r.errors).toBeUndefined();
    expect(r.data?.createCompanies.companies).toEqual([{ id: "probe-editor" }]);
    const { records } = await seeded.driver.executeQuery(
      "MATCH (n {id: 'probe-editor'}) RETURN labels(n) AS labels",
      {},
      { database: DATABASE },
    );
    expect([...(records[0]?.get("labels") ?? [])].sort()).toEqual(["Company", "Entity"]);
    const del = await gql(
      seeded.api,
      `mutation { deleteCompanies(where: { id: { eq: "probe-editor" } }) { nodesDeleted } }`,
      {},
      await token("editor"),
    );
    expect(del.data?.deleteCompanies.nodesDeleted).toBe(1);
  });

  it("the graph records who created or changed an entity through the API, and when; imported ones carry neither", async () => {
    const before = Date.now();
    const created = await gql(seeded.api, CREATE, { id: "probe-edited" }, await token("editor"));
    expect(created.errors).toBeUndefined();
    const renamed = await gql(
      seeded.api,
      `mutation { updateCompanies(where: { id: { eq: "probe-edited" } }, update: { name: { set: "Probe Renamed" } }) { companies { name editedBy editedAt } } }`,
      {},
      await token("editor"),
    );
    const [company] = renamed.data?.updateCompanies.companies ?? [];
    expect(company).toMatchObject({ name: "Probe Renamed", editedBy: "test" });
    expect(Date.parse(company.editedAt)).toBeGreaterThanOrEqual(before - 1_000);
    // Only the API fills them: a client cannot write them itself.
    const forged = await gql(
      seeded.api,
      `mutation { updateCompanies(where: { id: { eq: "probe-edited" } }, update: { editedBy: { set: "someone" } }) { companies { id } } }`,
      {},
      await token("editor"),
    );
    expect(forged.status).toBe(400);
    const imported = await gql(seeded.api, `{ companies(where: { id: { eq: "catl" } }) { editedBy editedAt } }`);
    expect(imported.data?.companies).toEqual([{ editedBy: null, editedAt: null }]);
    await gql(
      seeded.api,
      `mutation { deleteCompanies(where: { id: { eq: "probe-edited" } }) { nodesDeleted } }`,
      {},
      await token("editor"),
    );
  });

  it("reading needs no token", async () => {
    const r = await gql(seeded.api, `{ institutions(where: { id: { eq: "hktdc" } }) { name nameZhHant nameJa } }`);
    expect(r.data?.institutions).toEqual([
      { name: "Hong Kong Trade Development Council", nameZhHant: "香港貿易發展局", nameJa: "香港貿易発展局" },
    ]);
  });
});

describe("protection against expensive queries", () => {
  it("refuses a 20-level nested query before it reaches the database", async () => {
    let selection = "id";
    for (let i = 0; i < 20; i++) selection = `partOf { ${selection} }`;
    const r = await gql(seeded.api, `{ regions { ${selection} } }`);
    expect(r.status).toBe(400);
    expect(r.errors?.map((e) => e.message).join(" ")).toMatch(/depth limit of 10 exceeded|Cost limit of 5000 exceeded/i);
    expect(r.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses too many aliases", async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: regions { id }`).join(" ");
    const r = await gql(seeded.api, `{ ${aliases} }`);
    expect(r.status).toBe(400);
  });

  it("never returns stack traces", async () => {
    const r = await gql(seeded.api, "{ neighborhood(id: 42) { nodes { id } } }");
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(r.errors)).not.toMatch(/stacktrace|\.ts:\d+/);
  });

  it("keeps introspection available", async () => {
    const r = await gql(seeded.api, "{ __schema { queryType { name } types { name } } }");
    expect(r.data?.__schema.queryType.name).toBe("Query");
  });

  it("answers in compact JSON (no pretty-printing whitespace to send and parse)", async () => {
    const res = await fetch(`${seeded.api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ institutions(where: { id: { eq: "hktdc" } }) { id name } }` }),
    });
    expect(await res.text()).toBe('{"data":{"institutions":[{"id":"hktdc","name":"Hong Kong Trade Development Council"}]}}');
  });

  describe("on a graph with a hub of 700 neighbours", () => {
    beforeAll(async () => {
      await seeded.driver.executeQuery(
        `CREATE (hub:Entity:Region {id: 'limit-hub', name: 'Hub', names: ['Hub'], aliases: [], aliasLangs: [], garbledAliases: [], level: 'city'})
         WITH hub UNWIND range(1, 700) AS i
         CREATE (:Entity:Company {id: 'limit-co-' + i, name: 'Co ' + i, names: ['Co ' + i], aliases: [], aliasLangs: [], garbledAliases: []})-[:LOCATED_IN {articleIds: [], quotes: [], basis: 'gazetteer'}]->(hub)`,
        {},
        { database: DATABASE },
      );
    });
    afterAll(async () => {
      await seeded.driver.executeQuery("MATCH (n:Entity) WHERE n.id STARTS WITH 'limit-' DETACH DELETE n", {}, { database: DATABASE });
    });

    it("clamps an analyst query's huge limit to 500", async () => {
      const r = await gql(seeded.api, `{ neighborhood(id: "limit-hub", limit: 100000) { nodes { id } } }`);
      expect(r.data?.neighborhood.nodes).toHaveLength(500);
    });

    it("clamps a generated query's huge limit to 500, and its default page is 50", async () => {
      const big = await gql(seeded.api, `{ companies(limit: 100000, where: { id: { startsWith: "limit-co-" } }) { id } }`);
      expect(big.data?.companies).toHaveLength(500);
      const page = await gql(seeded.api, `{ companies(where: { id: { startsWith: "limit-co-" } }) { id } }`);
      expect(page.data?.companies).toHaveLength(50);
    });
  });
});

describe("Neo4j transaction timeout", () => {
  it("Neo4j stops a transaction past its timeout, and the API reports it as TIMEOUT without details", async () => {
    // The analyst queries are bounded and fast on any graph a test can build, so provoke the real
    // Neo4j error with a sleeping transaction and pass it through the API's error formatter.
    const error = await seeded.driver
      .executeQuery("CALL apoc.util.sleep(10000)", {}, { database: DATABASE, transactionConfig: { timeout: 200 } })
      .catch((e: unknown) => e as Error & { code: string });
    expect((error as { code: string }).code).toMatch(/TransactionTimedOut/);
    const formatted = errorFormatter(log, false)(
      { message: (error as Error).message, extensions: { code: "INTERNAL_SERVER_ERROR" } },
      { originalError: error },
    );
    expect(formatted).toEqual({ message: "the query took too long and was stopped", path: undefined, extensions: { code: "TIMEOUT" } });
  });
});

describe("the server around the API", () => {
  it("GET /health is 200 with Neo4j up and the schema in place", async () => {
    const res = await fetch(`${seeded.api.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, neo4j: "up", schema: "ready" });
  });

  it("serves GraphiQL and its assets locally, with the example queries preloaded and no outside URL", async () => {
    const html = await (await fetch(`${seeded.api.url}/graphiql`)).text();
    expect(html).toContain("innovationChains");
    expect(html).not.toMatch(/src="https?:|href="https?:/);
    for (const asset of ["react.js", "react-dom.js", "graphiql.js", "graphiql.css"]) {
      const res = await fetch(`${seeded.api.url}/graphiql/assets/${asset}`);
      expect(res.status, asset).toBe(200);
      expect((await res.arrayBuffer()).byteLength, asset).toBeGreaterThan(1000);
    }
  });

  it("the committed schema artifact is the generated schema (run `npm run schema` after changing graphql/)", async () => {
    const committed = await readFile(path.join(projectRoot, "graphql", "generated", "schema.graphql"), "utf8");
    expect(committed === (await printGeneratedSchema()), "graphql/generated/schema.graphql is stale: run npm run schema").toBe(true);
  });

  it("every example in graphql/examples runs and returns data", async () => {
    const dir = path.join(projectRoot, "graphql", "examples");
    const files = (await readdir(dir)).filter((f) => f.endsWith(".graphql"));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) {
      const r = await gql(seeded.api, await readFile(path.join(dir, f), "utf8"));
      expect(r.errors, f).toBeUndefined();
      const [first] = Object.values(r.data ?? {});
      expect(first, f).toBeTruthy();
      if (Array.isArray(first)) expect(first.length, f).toBeGreaterThan(0);
    }
  });
});
