import { createHash } from "node:crypto";
import type { Driver } from "neo4j-driver";
import { beforeAll, describe, expect, it } from "vitest";
import { seedGraph } from "../src/db/seed.js";
import { calibratedConfidence } from "../src/extract/calibration.js";
import { log } from "../src/log.js";
import type { ReviewFact } from "../src/model/review-fact.js";
import { gql, seededApiForSuite, token } from "./support/api.js";
import { graphFingerprint } from "./support/fingerprint.js";
import { count, DATABASE } from "./support/neo4j.js";
import { SEED_DIR } from "./support/seed-corpus.js";

/** The drafted fact's confidence: its rule's measured precision (eval:extract --calibrate rewrites it). */
const PARTICIPATE_CONFIDENCE = calibratedConfidence("zh.trigger.participate");

const seeded = seededApiForSuite();

// A short Simplified Chinese news text naming entities the seed articles know (HKTDC, the 2nd
// InnoEX, CityU) and two it does not (a professor, a joint lab). HKTDC organising InnoEX is a
// curated fact of article-001 too; CityU taking part in InnoEX is not in the seed data.
const TEXT =
  "2024年4月13日，香港贸易发展局主办第二届香港国际创科展。香港城市大学参加第二届香港国际创科展。" +
  "香港城市大学教授刘奇表示，双方将共建新能源联合实验室，投资1.5亿元。";
// A second article stating CityU's participation too, and naming the lab the first one defines.
const TEXT_B = "香港城市大学参加第二届香港国际创科展。新能源联合实验室位于东莞。";

const REVIEW = `articleId title language url publishedAt text
  facts { id category status confidence rule entityId label text targetId isNew highlights }`;
const INGEST = `mutation ($text: String!, $url: String, $title: String, $publishedAt: String, $language: String) {
  ingestArticle(text: $text, url: $url, title: $title, publishedAt: $publishedAt, language: $language) { ${REVIEW} } }`;
const REVIEW_FACTS = `mutation ($articleId: ID!, $accept: [ID!], $reject: [ID!]) {
  reviewFacts(articleId: $articleId, accept: $accept, reject: $reject) { accepted rejected review { ${REVIEW} } } }`;
const ARTICLE_REVIEW = `query ($articleId: ID!) { articleReview(articleId: $articleId) { ${REVIEW} } }`;
const NEIGHBORHOOD = `query ($id: ID!, $d: Boolean) { neighborhood(id: $id, includeDrafts: $d) {
  nodes { id draft } edges { source type target draft confidence rule evidence { articleId quote draft } } } }`;

type Fact = ReviewFact;

/** The joint lab the text defines: its id is the extractor's (English name from 新能源联合实验室), read from the draft. */
let LAB = "";
const edgeKey = (e: { source: string; type: string; target: string }) => `${e.source} ${e.type} ${e.target}`;

async function editor() {
  return token("editor");
}

async function ingest(variables: Record<string, unknown>) {
  const r = await gql(seeded.api, INGEST, variables, await editor());
  expect(r.errors).toBeUndefined();
  return r.data?.ingestArticle as { articleId: string; facts: Fact[]; [k: string]: unknown };
}

async function review(articleId: string, accept: string[], reject: string[]) {
  const r = await gql(seeded.api, REVIEW_FACTS, { articleId, accept, reject }, await editor());
  expect(r.errors).toBeUndefined();
  return r.data?.reviewFacts as { accepted: number; rejected: number; review: { facts: Fact[] } };
}

async function neighborhood(id: string, includeDrafts?: boolean) {
  const r = await gql(seeded.api, NEIGHBORHOOD, { id, d: includeDrafts });
  expect(r.errors).toBeUndefined();
  return r.data?.neighborhood as { nodes: Array<{ id: string; draft: boolean }>; edges: Array<any> };
}

/** The graph's digest without the given articles and the review lock: what the seed data holds. */
async function fingerprintWithout(driver: Driver, articleIds: string[]): Promise<string> {
  const nodes = await driver.executeQuery(
    `MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:ReviewLock AND NOT (n:Article AND n.id IN $ids)
     RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id`,
    { ids: articleIds },
    { database: DATABASE },
  );
  const rels = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE NOT (a:Article AND a.id IN $ids)
     RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS props ORDER BY a, t, b`,
    { ids: articleIds },
    { database: DATABASE },
  );
  const hash = createHash("sha256");
  for (const r of [...nodes.records, ...rels.records])
    hash.update(JSON.stringify(r.toObject(), (_k, v) => (typeof v === "bigint" ? String(v) : v)));
  return `${nodes.records.length} nodes, ${rels.records.length} relationships, ${hash.digest("hex").slice(0, 16)}`;
}

describe("the review API refuses what it must", () => {
  const probe = "香港城市大学与宁德时代签署合作协议。";
  const generatedWrite = `mutation { createCompanies(input: [{ id: "probe-co", name: "Probe", names: [], aliases: [], aliasLangs: [], garbledAliases: [] }]) { companies { id } } }`;

  it.each([
    ["anonymous", undefined, "UNAUTHENTICATED"],
    ["a token signed with another secret", "other", "UNAUTHENTICATED"],
    ["an expired editor token", "expired", "UNAUTHENTICATED"],
    ["a reader", "reader", "FORBIDDEN"],
  ])(
    "%s cannot ingest or review, gets the same code and HTTP status as for a generated write, and nothing is stored",
    async (_who, as, code) => {
      const bearer =
        as === "reader"
          ? await token("reader")
          : as === "other"
            ? await token("editor", "other-secret-0123456789-0123456789-01")
            : as === "expired"
              ? await token("editor", undefined, "-1m")
              : undefined;
      const before = await graphFingerprint(seeded.driver);
      const generated = await gql(seeded.api, generatedWrite, {}, bearer);
      expect(generated.errors?.[0]?.extensions?.code).toBe(code);
      const r = await gql(seeded.api, INGEST, { text: probe }, bearer);
      expect(r.errors?.[0]?.extensions?.code).toBe(code);
      expect(r.status).toBe(generated.status);
      // A refused token is refused before execution (HTTP 401, no data at all); no token gets data: null.
      expect(r.data ?? null).toBeNull();
      const rv = await gql(seeded.api, REVIEW_FACTS, { articleId: "article-000", reject: ["article-000/entity/cityu"] }, bearer);
      expect(rv.errors?.[0]?.extensions?.code).toBe(code);
      expect(await graphFingerprint(seeded.driver)).toBe(before);
    },
  );

  it.each([
    ["empty text", { text: "" }, /empty/],
    ["blank text", { text: " \n\t " }, /empty/],
    ["a 1.5 MB text", { text: "香港城市大学参加展会。".repeat(50_000) }, /at most 1 MB/],
    ["binary text", { text: "\u0000\u0001\u0002abc" }, /binary/],
    ["a date that is not a date", { text: probe, publishedAt: "2024-13-01" }, /publishedAt/],
    ["a date in another format", { text: probe, publishedAt: "13/04/2024" }, /publishedAt/],
    ["an unknown language", { text: probe, language: "fr" }, /language must be one of en, zh-Hans, zh-Hant, ko, ja/],
    ["a url that is not a web address", { text: probe, url: "javascript:alert(1)" }, /url/],
  ])("refuses %s with BAD_USER_INPUT and stores nothing", async (_what, variables, message) => {
    const before = await graphFingerprint(seeded.driver);
    const r = await gql(seeded.api, INGEST, variables, await editor());
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toMatch(message);
    expect(await graphFingerprint(seeded.driver)).toBe(before);
  });

  it("cannot review a curated seed article, an unknown article or facts an article does not have", async () => {
    const before = await graphFingerprint(seeded.driver);
    const seedArticle = await gql(
      seeded.api,
      REVIEW_FACTS,
      { articleId: "article-000", reject: ["article-000/entity/cityu"] },
      await editor(),
    );
    expect(seedArticle.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(seedArticle.errors?.[0]?.message).toMatch(/curated/);
    const unknown = await gql(seeded.api, REVIEW_FACTS, { articleId: "article-nope", accept: [] }, await editor());
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(await graphFingerprint(seeded.driver)).toBe(before);
  });
});

describe("ingesting and reviewing an article", () => {
  let seedOnly: string;
  let a: Awaited<ReturnType<typeof ingest>>;
  let b: Awaited<ReturnType<typeof ingest>>;
  const fact = (article: { facts: Fact[] }, id: string) => article.facts.find((f) => f.id === id);

  beforeAll(async () => {
    seedOnly = await fingerprintWithout(seeded.driver, []);
    a = await ingest({ text: TEXT, title: "港城大参加创科展", url: "https://example.org/news/1" });
    LAB = a.facts.find((f) => f.category === "ENTITY" && f.highlights.includes("新能源联合实验室"))?.entityId ?? "(no lab drafted)";
  });

  it("drafts the article's facts and returns them for review", () => {
    expect(a.articleId).toMatch(/^article-[0-9a-f]{12}$/);
    expect(a).toMatchObject({
      title: "港城大参加创科展",
      language: "zh-Hans",
      url: "https://example.org/news/1",
      publishedAt: "2024-04-13",
      text: TEXT,
    });
    const id = (rest: string) => `${a.articleId}/${rest}`;
    expect(a.facts.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        id("entity/hktdc"),
        id("entity/innoex-2024"),
        id("entity/cityu"),
        id(`entity/${LAB}`),
        id("relation/hktdc|ORGANIZED|innoex-2024"),
        id("relation/cityu|PARTICIPATED_IN|innoex-2024"),
        id(`relation/cityu|CO_FOUNDED|${LAB}`),
        id(`measure/${LAB}|investment`),
      ]),
    );
    expect(new Set(a.facts.map((f) => f.status))).toEqual(new Set(["DRAFT"]));
    for (const f of a.facts) {
      expect(f.confidence, f.id).toBeGreaterThan(0);
      expect(f.rule, f.id).toBeTruthy();
      for (const h of f.highlights) expect(TEXT, f.id).toContain(h);
    }
    expect(fact(a, id("entity/cityu"))).toMatchObject({
      category: "ENTITY",
      entityId: "cityu",
      label: "INSTITUTION",
      text: "City University of Hong Kong",
      isNew: false,
      highlights: ["香港城市大学"],
    });
    expect(fact(a, id(`entity/${LAB}`))).toMatchObject({ label: "LAB", isNew: true, highlights: ["新能源联合实验室"] });
    expect(fact(a, id("relation/cityu|PARTICIPATED_IN|innoex-2024"))).toMatchObject({
      category: "RELATION",
      entityId: "cityu",
      targetId: "innoex-2024",
      label: "PARTICIPATED_IN",
      text: expect.stringMatching(/^City University of Hong Kong -> .+/),
      highlights: ["香港城市大学参加第二届香港国际创科展"],
      isNew: null,
    });
    expect(fact(a, id(`measure/${LAB}|investment`))).toMatchObject({
      category: "MEASURE",
      entityId: LAB,
      label: "investment",
      text: "150000000 CNY",
      highlights: ["投资1.5亿元"],
    });
  });

  it("stores the article and its drafts; the analyst queries show them only with includeDrafts", async () => {
    expect(await count(seeded.driver, "MATCH (a:Article {id: $id}) RETURN count(a)", { id: a.articleId })).toBe(1);
    const plain = await neighborhood("cityu");
    expect(plain.edges.map(edgeKey)).not.toContain("cityu PARTICIPATED_IN innoex-2024");
    expect(plain.nodes.map((n) => n.id)).not.toContain(LAB);
    const all = await neighborhood("cityu", true);
    expect(all.edges.find((e) => edgeKey(e) === "cityu PARTICIPATED_IN innoex-2024")).toMatchObject({
      draft: true,
      confidence: PARTICIPATE_CONFIDENCE,
      rule: "zh.trigger.participate",
      evidence: [{ articleId: a.articleId, quote: "香港城市大学参加第二届香港国际创科展", draft: true }],
    });
    expect(all.nodes.find((n) => n.id === LAB)).toEqual({ id: LAB, draft: true });
  });

  it("adds a drafted statement of a curated fact to its evidence, leaving the fact curated", async () => {
    const organised = (await neighborhood("hktdc")).edges.find((e) => edgeKey(e) === "hktdc ORGANIZED innoex-2024");
    expect(organised.draft).toBe(false);
    expect(organised.evidence.map((e: any) => [e.articleId, e.draft])).toEqual([
      ["article-001", false],
      [a.articleId, true],
    ]);
  });

  it("is idempotent: the same text again returns the same article and changes nothing", async () => {
    const before = await graphFingerprint(seeded.driver);
    const again = await ingest({ text: TEXT, title: "another title" });
    expect(again).toEqual(a);
    expect(await graphFingerprint(seeded.driver)).toBe(before);
  });

  it("keeps the ingested article when seed/ is imported again (npm run seed), changing nothing", async () => {
    const before = await graphFingerprint(seeded.driver);
    const summary = await seedGraph(seeded.driver, SEED_DIR, DATABASE, log);
    expect(summary.changed).toBe(0);
    expect(await graphFingerprint(seeded.driver)).toBe(before);
  });

  it("shows the review to anyone, and a seed article's facts as curated", async () => {
    const r = await gql(seeded.api, ARTICLE_REVIEW, { articleId: a.articleId });
    expect(r.data?.articleReview).toEqual(a);
    expect((await gql(seeded.api, ARTICLE_REVIEW, { articleId: "article-nope" })).data?.articleReview).toBeNull();
    const curated = (await gql(seeded.api, ARTICLE_REVIEW, { articleId: "article-001" })).data?.articleReview;
    expect(curated.facts.length).toBeGreaterThan(50);
    expect(new Set(curated.facts.map((f: Fact) => f.status))).toEqual(new Set(["CURATED"]));
    expect(curated.facts.map((f: Fact) => f.id)).toContain("article-001/relation/hktdc|ORGANIZED|innoex-2024");
  });

  it("merges a second article's statement of the same draft and refers to the entity the first defined", async () => {
    b = await ingest({ text: TEXT_B });
    expect(b.articleId).not.toBe(a.articleId);
    expect(b.facts.map((f) => f.id)).toEqual(
      expect.arrayContaining([`${b.articleId}/relation/cityu|PARTICIPATED_IN|innoex-2024`, `${b.articleId}/entity/${LAB}`]),
    );
    expect(fact(b, `${b.articleId}/entity/${LAB}`)?.isNew).toBe(false);
    const edge = (await neighborhood("cityu", true)).edges.find((e) => edgeKey(e) === "cityu PARTICIPATED_IN innoex-2024");
    expect(edge.evidence.map((e: any) => e.articleId)).toEqual([a.articleId, b.articleId]);
  });

  it("refuses unknown fact ids and contradictions, changing nothing", async () => {
    const before = await graphFingerprint(seeded.driver);
    for (const [accept, reject] of [
      [[`${a.articleId}/relation/cityu|LEADS|hktdc`], []],
      [[`${b.articleId}/entity/cityu`], []],
      [[`${a.articleId}/entity/cityu`], [`${a.articleId}/entity/cityu`]],
      [[`${a.articleId}/relation/cityu|CO_FOUNDED|${LAB}`], [`${a.articleId}/entity/${LAB}`]],
    ]) {
      const r = await gql(seeded.api, REVIEW_FACTS, { articleId: a.articleId, accept, reject }, await editor());
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify([accept, reject])).toBe("BAD_USER_INPUT");
    }
    expect(await graphFingerprint(seeded.driver)).toBe(before);
  });

  it("accepts a fact: it becomes curated, and the analyst queries show it by default", async () => {
    const id = `${a.articleId}/relation/cityu|PARTICIPATED_IN|innoex-2024`;
    const outcome = await review(a.articleId, [id], []);
    expect(outcome).toMatchObject({ accepted: 1, rejected: 0 });
    expect(fact(outcome.review, id)).toMatchObject({
      status: "CURATED",
      confidence: PARTICIPATE_CONFIDENCE,
      rule: "zh.trigger.participate",
    });
    expect(outcome.review.facts.filter((f) => f.status === "CURATED").map((f) => f.id)).toEqual([id]);
    const edge = (await neighborhood("cityu")).edges.find((e) => edgeKey(e) === "cityu PARTICIPATED_IN innoex-2024");
    expect(edge).toMatchObject({ draft: false, confidence: null });
    expect(edge.evidence.map((e: any) => [e.articleId, e.draft])).toEqual([
      [a.articleId, false],
      [b.articleId, true],
    ]);
    const before = await graphFingerprint(seeded.driver);
    expect(await review(a.articleId, [id], [])).toMatchObject({ accepted: 0, rejected: 0 });
    expect(await graphFingerprint(seeded.driver)).toBe(before);
  });

  it("rejects a relation: this article's statement goes, another article's statement of the same relation stays", async () => {
    const outcome = await review(b.articleId, [], [`${b.articleId}/relation/cityu|PARTICIPATED_IN|innoex-2024`]);
    expect(outcome).toMatchObject({ accepted: 0, rejected: 1 });
    const edge = (await neighborhood("cityu")).edges.find((e) => edgeKey(e) === "cityu PARTICIPATED_IN innoex-2024");
    expect(edge.evidence.map((e: any) => [e.articleId, e.draft])).toEqual([[a.articleId, false]]);
    const organised = await review(a.articleId, [], [`${a.articleId}/relation/hktdc|ORGANIZED|innoex-2024`]);
    expect(organised.rejected).toBe(1);
    const curated = (await neighborhood("hktdc", true)).edges.find((e) => edgeKey(e) === "hktdc ORGANIZED innoex-2024");
    expect(curated).toMatchObject({ draft: false, evidence: [{ articleId: "article-001", draft: false }] });
    expect(
      await count(
        seeded.driver,
        "MATCH (:Entity {id: 'hktdc'})-[r:ORGANIZED]->(:Entity {id: 'innoex-2024'}) WHERE r.draftArticleIds IS NULL AND r.draft IS NULL RETURN count(r)",
      ),
    ).toBe(1);
  });

  it("rejects an entity with the facts that use it; another article that names it takes its definition over", async () => {
    const outcome = await review(a.articleId, [], [`${a.articleId}/entity/${LAB}`]);
    expect(outcome.rejected).toBe(3); // the lab, cityu CO_FOUNDED it, its investment
    expect(outcome.review.facts.map((f) => f.id).filter((id) => id.includes(LAB))).toEqual([]);
    expect(
      await count(seeded.driver, "MATCH (:Article {id: $id})-[:MENTIONS]->(:Entity {id: $lab}) RETURN count(*)", {
        id: a.articleId,
        lab: LAB,
      }),
    ).toBe(0);
    expect(await count(seeded.driver, "MATCH (:Entity {id: $lab})-[:HAS_MEASURE]->(m) RETURN count(m)", { lab: LAB })).toBe(0);
    expect(
      await count(seeded.driver, "MATCH (:Entity {id: 'cityu'})-[r:CO_FOUNDED]->(:Entity {id: $lab}) RETURN count(r)", { lab: LAB }),
    ).toBe(0);
    // article B names the lab too: it now defines it, and the node stays, mentioned by B only.
    const bReview = (await gql(seeded.api, ARTICLE_REVIEW, { articleId: b.articleId })).data?.articleReview;
    expect(fact(bReview, `${b.articleId}/entity/${LAB}`)).toMatchObject({ isNew: true, status: "DRAFT" });
    const { records } = await seeded.driver.executeQuery(
      "MATCH (a:Article)-[:MENTIONS]->(:Entity {id: $lab}) RETURN collect(a.id) AS ids",
      { lab: LAB },
      { database: DATABASE },
    );
    expect(records[0]?.get("ids")).toEqual([b.articleId]);
  });

  it("rejecting every fact leaves the seed data exactly as it was before the articles came", async () => {
    for (const article of [a, b]) {
      const current = (await gql(seeded.api, ARTICLE_REVIEW, { articleId: article.articleId })).data?.articleReview;
      const all = current.facts.map((f: Fact) => f.id);
      expect((await review(article.articleId, [], all)).review.facts).toEqual([]);
    }
    expect(await count(seeded.driver, "MATCH (e:Entity) WHERE e.draft IS NOT NULL RETURN count(e)")).toBe(0);
    expect(await fingerprintWithout(seeded.driver, [a.articleId, b.articleId])).toBe(seedOnly);
  });
});

describe("two editors at once", () => {
  // The gazetteer is warm by now, so both requests reach their write transactions together; without
  // the review lock (cypher/review/lock.cypher) one of the two statements is lost.
  it("ingesting two articles that state the same relation at the same time keeps both statements", async () => {
    const texts = [
      "香港城市大学参加第二届香港国际创科展。城大代表团在展会上介绍了研究成果。",
      "香港城市大学参加第二届香港国际创科展。香港贸易发展局主办第二届香港国际创科展。",
    ];
    const [x, y] = await Promise.all(texts.map((text) => ingest({ text })));
    const edge = (await neighborhood("cityu", true)).edges.find((e) => edgeKey(e) === "cityu PARTICIPATED_IN innoex-2024");
    expect(edge.evidence.map((e: any) => e.articleId).sort()).toEqual([x?.articleId, y?.articleId].sort());
    const organised = (await neighborhood("hktdc")).edges.find((e) => edgeKey(e) === "hktdc ORGANIZED innoex-2024");
    expect(organised.evidence.map((e: any) => e.articleId)).toEqual(["article-001", y?.articleId]);
  });
});
