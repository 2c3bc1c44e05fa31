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
import { startTestApi } from "./support/api.js";
import { launchChromium } from "./support/browser.js";
import { draftCorpus } from "./support/draft-corpus.js";
import { DATABASE, resetGraph, testDriver } from "./support/neo4j.js";

/**
 * Drafts in a real Chromium against the real API and Neo4j: the analyst views draw them dashed, and
 * only when asked to.
 */

const SHOTS = path.join(projectRoot, "test-results", "screenshots");

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
