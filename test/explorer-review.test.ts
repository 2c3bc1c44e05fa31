import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApi } from "../src/api/app.js";
import { projectRoot } from "../src/config.js";
import { seedGraph } from "../src/db/seed.js";
import { log } from "../src/log.js";
import { buildExplorer } from "../src/web/build.js";
import { explorerRoute } from "../src/web/route.js";
import { startTestApi, token } from "./support/api.js";
import { launchChromium } from "./support/browser.js";
import { draftCorpus } from "./support/draft-corpus.js";
import { DATABASE, resetGraph, seededGraph, testDriver } from "./support/neo4j.js";

/**
 * Drafts in a real Chromium against the real API and Neo4j: the analyst views draw them dashed, and
 * only when asked to; the editor pastes an article, sees the draft marked in the text, rejects one
 * fact and accepts another, and finds the result in the graph, drafts dashed and curated facts solid.
 */

const SHOTS = path.join(projectRoot, "test-results", "screenshots");

/** A short Simplified Chinese article naming entities of the seed graph (CUHK, Zibo's science bureau, Zibo). */
const ARTICLE = [
  "淄博市科技局与香港中文大学签署合作协议",
  "",
  "2024年5月10日,淄博市科技局与香港中文大学在淄博签署《淄博—香港中文大学新材料合作协议》。根据协议,双方将共建新材料联合实验室,香港中文大学将派出研究团队常驻淄博。",
].join("\n");

let browser: Browser;
let page: Page;

beforeAll(async () => {
  await buildExplorer();
  await mkdir(SHOTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * For a suite: its graph, the API over it, and a fresh page; after the suite, the page must have
 * made no request outside the server and raised no script error.
 */
function apiAndPage(graph: () => Promise<Driver>): { api: RunningApi } {
  const handle = {} as { api: RunningApi; driver: Driver };
  const outside: string[] = [];
  const pageErrors: string[] = [];
  beforeAll(async () => {
    handle.driver = await graph();
    handle.api = await startTestApi(handle.driver, { routes: [explorerRoute] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on("request", (r) => {
      if (!r.url().startsWith(handle.api.url) && !/^(data|blob):/.test(r.url())) outside.push(r.url());
    });
    page.on("pageerror", (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await page?.close();
    await handle.api?.close();
    await handle.driver?.close();
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
  return handle;
}

async function ready() {
  await page.waitForFunction(() => document.body.dataset.ready === "true");
}

async function open(api: RunningApi, hash: string) {
  await page.goto(`${api.url}/${hash}`);
  await ready();
}

interface ShownFact {
  id: string;
  status: string;
  text: string;
}

/** The facts the list shows, in order. */
async function shownFacts(): Promise<ShownFact[]> {
  return page.$$eval('[data-testid="fact"]', (rows) =>
    rows.map((r) => ({
      id: r.getAttribute("data-fact-id") ?? "",
      status: r.getAttribute("data-status") ?? "",
      text: r.textContent ?? "",
    })),
  );
}

/** The text of every mark a fact has in the article, and the marks' classes. */
async function marksOf(factId: string): Promise<Array<{ text: string; cls: string; kind: string | null; title: string }>> {
  return page.$$eval(
    '[data-testid="review-text"] mark',
    (marks, id) =>
      marks
        .filter((m) => (m.getAttribute("data-facts") ?? "").split(" ").includes(id))
        .map((m) => ({
          text: m.textContent ?? "",
          cls: m.className,
          kind: m.getAttribute("data-kind"),
          title: m.getAttribute("title") ?? "",
        })),
    factId,
  );
}

const row = (factId: string) => page.locator(`[data-testid="fact"][data-fact-id="${factId}"]`);

/** What cytoscape draws for an edge: null when absent, else whether it is a draft and its line style. */
async function edgeStyle(source: string, type: string, target: string) {
  return page.evaluate((id) => {
    const canvas = document.querySelector('[data-testid="explore-graph-canvas"]') as HTMLElement & { cytoscape: any };
    const edge = canvas.cytoscape.getElementById(id);
    if (!edge.length) return null;
    return { draft: edge.hasClass("draft") as boolean, lineStyle: edge.style("line-style") as string };
  }, `${source}|${type}|${target}`);
}

/** Every draft drawn, with its dash: an edge's line style, a node's border style. */
async function draftsDrawn(): Promise<Array<{ id: string; style: string }>> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="explore-graph-canvas"]') as HTMLElement & { cytoscape: any };
    return canvas.cytoscape
      .elements(".draft")
      .map((e: any) => ({ id: e.id(), style: e.isEdge() ? e.style("line-style") : e.style("border-style") }));
  });
}

const LAB = "cityu-catl-new-energy-joint-lab";

describe("drafts in the analyst views (seed graph plus the drafted article-905)", () => {
  const handle = apiAndPage(async () => {
    const driver = await testDriver();
    await resetGraph(driver);
    await seedGraph(driver, await draftCorpus(), DATABASE, log);
    return driver;
  });

  it("leaves drafts out by default, and draws them dashed with a legend entry when the toggle is on", async () => {
    await open(handle.api, "#/explore?id=cityu");
    expect(await page.isChecked('[data-testid="include-drafts"]')).toBe(false);
    expect(await edgeStyle("cityu", "COOPERATES_WITH", "catl")).toBeNull();
    expect(await draftsDrawn()).toEqual([]);
    expect(await page.isVisible('[data-testid="explore-graph-legend-draft"]')).toBe(false);

    await page.check('[data-testid="include-drafts"]');
    await page.waitForURL(/drafts=1/);
    await ready();
    expect(await edgeStyle("cityu", "COOPERATES_WITH", "catl")).toEqual({ draft: true, lineStyle: "dashed" });
    expect(await edgeStyle("cityu", "CO_FOUNDED", LAB)).toEqual({ draft: true, lineStyle: "dashed" });
    const drafts = await draftsDrawn();
    expect(drafts.map((d) => d.id)).toContain(LAB);
    for (const d of drafts) expect(d.style, d.id).toBe("dashed");
    // Stated by hand in article-000 (and as a draft in article-905): not a draft, solid.
    expect(await edgeStyle("cityu", "SPUN_OFF", "sufang-new-energy-technology")).toEqual({ draft: false, lineStyle: "solid" });
    expect(await page.textContent('[data-testid="explore-graph-legend-draft"]')).toBe("draft");
    await page.screenshot({ path: path.join(SHOTS, "drafts.png") });
  });

  it("marks draft evidence in the card with its confidence and rule", async () => {
    const cooperates = page.locator('[data-testid="relations-COOPERATES_WITH"] [data-testid="draft-evidence"]');
    expect(await cooperates.first().textContent()).toBe("draft, 55% · rule zh.trigger.sign");
    // The curated spin-off quotes article-000 unmarked, and article-905's draft statement marked.
    const spunOff = page.locator('[data-testid="relations-SPUN_OFF"] .evidence li');
    expect(await spunOff.count()).toBe(2);
    expect(await page.locator('[data-testid="relations-SPUN_OFF"] [data-testid="draft-evidence"]').count()).toBe(1);

    await open(handle.api, `#/explore?id=${LAB}&drafts=1`);
    expect(await page.isVisible('[data-testid="card-draft"]')).toBe(true);
  });

  it("keeps the toggle in the URL, across expansions and views", async () => {
    await page.click('[data-testid="expand"]');
    await page.waitForURL(/x=/);
    await ready();
    expect(page.url()).toContain("drafts=1");
    expect(await page.getAttribute('[data-testid="tab-path"]', "href")).toBe("#/path?drafts=1");

    // The draft COOPERATES_WITH is the shortest way from CATL to CityU, only with drafts.
    await open(handle.api, "#/path?from=catl&to=cityu&drafts=1");
    expect(await page.isChecked('[data-testid="include-drafts"]')).toBe(true);
    expect(await page.locator('[data-testid="path-steps"] > li').count()).toBe(1);
    await page.uncheck('[data-testid="include-drafts"]');
    await page.waitForURL((u) => !u.hash.includes("drafts=1"));
    await ready();
    expect(await page.locator('[data-testid="path-steps"] > li').count()).toBeGreaterThan(1);
  });
});

describe("reviewing an article's draft (seed graph)", () => {
  const handle = apiAndPage(seededGraph);
  let editor: string;
  let articleId: string;
  beforeAll(async () => {
    editor = await token("editor");
  });

  it("refuses to draft without text or an editor token, and shows the server's auth and input errors", async () => {
    await open(handle.api, "#/review");
    await page.click('[data-testid="draft-button"]');
    expect(await page.textContent('[data-testid="review-error"]')).toContain("Paste the article text first");

    await page.fill('[data-testid="review-article-text"]', ARTICLE);
    await page.click('[data-testid="draft-button"]');
    expect(await page.textContent('[data-testid="review-error"]')).toContain("Paste an editor token first");

    await page.fill('[data-testid="review-token"]', await token("reader"));
    await page.click('[data-testid="draft-button"]');
    await page.waitForFunction(() => /editor role/.test(document.querySelector('[data-testid="review-error"]')?.textContent ?? ""));
    // Bad input the server finds: markup with no text in it.
    await page.fill('[data-testid="review-token"]', editor);
    await page.fill('[data-testid="review-article-text"]', "<p> </p>");
    await page.click('[data-testid="draft-button"]');
    await page.waitForFunction(() =>
      /refused the input.*no text/.test(document.querySelector('[data-testid="review-error"]')?.textContent ?? ""),
    );
    await page.fill('[data-testid="review-article-text"]', ARTICLE);
    await page.fill('[data-testid="review-token"]', "not-a-token");
    await page.click('[data-testid="draft-button"]');
    await page.waitForFunction(() =>
      /missing, malformed or expired/.test(document.querySelector('[data-testid="review-error"]')?.textContent ?? ""),
    );
    expect(page.url()).not.toContain("article=");
  });

  it("drafts the article and marks the known entities' forms and the relations' quotes in the text", async () => {
    await page.fill('[data-testid="review-token"]', editor);
    await page.fill('[data-testid="review-title"]', "淄博市科技局与香港中文大学签署合作协议");
    await page.fill('[data-testid="review-date"]', "2024-05-10");
    await page.click('[data-testid="draft-button"]');
    await page.waitForURL(/#\/review\?article=article-/);
    await ready();
    expect(await page.isHidden('[data-testid="review-error"]')).toBe(true);
    articleId = new URL(page.url().replace("#/review?", "?")).searchParams.get("article") as string;
    // The token stays in this tab's sessionStorage, never in the URL.
    expect(page.url()).not.toContain(editor);
    expect(await page.evaluate(() => sessionStorage.getItem("rig.editorToken"))).toBe(editor);

    const facts = await shownFacts();
    expect(facts.length).toBeGreaterThan(2);
    expect(facts.every((f) => f.status === "DRAFT")).toBe(true);

    // CUHK is known to the seed graph: its surface form is marked, in the institution colour.
    const cuhk = `${articleId}/entity/cuhk`;
    expect(facts.map((f) => f.id)).toContain(cuhk);
    const cuhkMarks = await marksOf(cuhk);
    expect(cuhkMarks.map((m) => m.text)).toContain("香港中文大学");
    expect(cuhkMarks.every((m) => m.kind === "INSTITUTION" && /hl-draft-entity/.test(m.cls))).toBe(true);
    const bureau = await marksOf(`${articleId}/entity/zibo-bureau-of-science-and-technology`);
    expect(bureau.map((m) => m.text)).toContain("淄博市科技局");

    // Relation quotes are underlined (dashed while drafts).
    const relations = facts.filter((f) => f.id.startsWith(`${articleId}/relation/`));
    expect(relations.length).toBeGreaterThan(0);
    const quoteMarks = await marksOf(relations[0]?.id as string);
    expect(quoteMarks.length).toBeGreaterThan(0);
    expect(quoteMarks.every((m) => /hl-relation/.test(m.cls) && /hl-draft-quote/.test(m.cls))).toBe(true);

    // Every fact can be found in the text, even one whose form only occurs inside a longer name.
    for (const f of facts) expect((await marksOf(f.id)).length, f.id).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="unmarked"]').count()).toBe(0);

    // Hovering a fact emphasises its marks.
    await row(cuhk).hover();
    expect(await page.locator('[data-testid="review-text"] mark.emph').count()).toBe(cuhkMarks.length);
  });

  it("rejects one fact and accepts another, and the list and the marks follow the returned review", async () => {
    const facts = await shownFacts();
    // Accept a relation of an entity the seed graph knows; reject an entity that is in no relation (or another relation).
    const relation = facts.find((f) => /\/relation\/(cuhk|zibo-bureau-of-science-and-technology)\|/.test(f.id))?.id;
    expect(relation).toBeDefined();
    const [from, type, to] = (relation as string).split("/relation/")[1]?.split("|") as [string, string, string];
    const related = facts.filter((f) => f.id.includes("/relation/")).flatMap((f) => f.id.split("/relation/")[1]?.split("|") ?? []);
    const rejected =
      facts.find((f) => f.id.includes("/entity/") && !related.includes(f.id.split("/entity/")[1] as string))?.id ??
      facts.find((f) => f.id.includes("/relation/") && f.id !== relation)?.id;
    expect(rejected).toBeDefined();

    await row(relation as string)
      .locator('[data-decision="accept"]')
      .check();
    await row(rejected as string)
      .locator('[data-decision="reject"]')
      .check();
    expect(await page.textContent('[data-testid="apply"]')).toBe("Apply: accept 1, reject 1");
    // Accept and Reject exclude each other.
    await row(rejected as string)
      .locator('[data-decision="accept"]')
      .check();
    expect(
      await row(rejected as string)
        .locator('[data-decision="reject"]')
        .isChecked(),
    ).toBe(false);
    await row(rejected as string)
      .locator('[data-decision="reject"]')
      .check();

    await row(`${articleId}/entity/cuhk`).hover();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, "review.png") });

    await page.click('[data-testid="apply"]');
    await page.waitForFunction(() =>
      /Accepted 1, rejected 1/.test(document.querySelector('[data-testid="review-outcome"]')?.textContent ?? ""),
    );
    await ready();

    const after = await shownFacts();
    expect(after.map((f) => f.id)).not.toContain(rejected);
    expect(after.find((f) => f.id === relation)?.status).toBe("CURATED");
    expect(
      await row(relation as string)
        .locator('[data-decision="accept"]')
        .count(),
    ).toBe(0);
    expect(after.filter((f) => f.status === "DRAFT").length).toBe(facts.length - 2);
    const quote = await marksOf(relation as string);
    expect(quote.length).toBeGreaterThan(0);
    // Its quote is marked curated (the other relations stating the same quote are still drafts: the mark stays dashed).
    expect(quote.every((m) => m.title.includes(`${type}: `) && /\(curated\)/.test(m.title))).toBe(true);
    expect(await marksOf(rejected as string)).toEqual([]);

    await row(relation as string).hover();
    expect(await page.locator('[data-testid="review-text"] mark.emph').count()).toBe(quote.length);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, "review-applied.png") });

    // "Show in graph": the explorer with drafts included, the accepted relation solid, drafts dashed.
    await page.click('[data-testid="show-in-graph"]');
    await page.waitForURL(/#\/explore\?id=.*drafts=1/);
    await ready();
    expect(await page.isChecked('[data-testid="include-drafts"]')).toBe(true);
    expect(await edgeStyle(from, type, to)).toEqual({ draft: false, lineStyle: "solid" });
    const drafts = await draftsDrawn();
    for (const d of drafts) expect(d.style, d.id).toBe("dashed");
    if (drafts.length) expect(await page.isVisible('[data-testid="explore-graph-legend-draft"]')).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, "review-graph.png") });

    // The card quotes the accepted statement, not marked as a draft: the group's draft marks are at
    // most the article's other relations of that type still awaiting review, one fewer than its quotes.
    const group = page.locator(`[data-testid="relations-${type}"]`);
    expect(await group.textContent()).toContain(articleId);
    const stillDraft = after.filter((f) => f.status === "DRAFT" && f.id.includes(`|${type}|`)).length;
    const draftMarks = await group.locator('[data-testid="draft-evidence"]').count();
    expect(draftMarks).toBeLessThanOrEqual(stillDraft);
    expect(draftMarks).toBeLessThan(await group.locator('[data-testid="quote-link"]').count());

    // Without drafts the drafts go. Accepting a relation accepts nothing else: when an end of it is
    // still a draft entity (here the agreement the article names), the relation goes with that end.
    const endIsDraft = drafts.some((d) => d.id === from || d.id === to);
    await page.uncheck('[data-testid="include-drafts"]');
    await page.waitForURL((u) => !u.hash.includes("drafts=1"));
    await ready();
    expect(await draftsDrawn()).toEqual([]);
    expect(await edgeStyle(from, type, to)).toEqual(endIsDraft ? null : { draft: false, lineStyle: "solid" });
  });

  it("reopens the review from its URL, with the token from sessionStorage", async () => {
    await open(handle.api, `#/review?article=${articleId}`);
    const facts = await shownFacts();
    expect(facts.some((f) => f.status === "CURATED")).toBe(true);
    expect(await page.inputValue('[data-testid="review-token"]')).toBe(editor);
  });

  it("fits a 400 px wide screen without scrolling sideways", async () => {
    // The same tab: the token is in its sessionStorage.
    await page.setViewportSize({ width: 400, height: 900 });
    await page.reload();
    await ready();
    const widths = await page.evaluate(() => {
      const view = document.querySelector('[data-testid="review-view"]') as HTMLElement;
      return { page: document.documentElement.scrollWidth, view: view.scrollWidth, viewport: window.innerWidth };
    });
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    expect(widths.view).toBeLessThanOrEqual(widths.viewport);
    await page.screenshot({ path: path.join(SHOTS, "review-narrow.png") });
    await page.setViewportSize({ width: 1400, height: 900 });
  });
});
