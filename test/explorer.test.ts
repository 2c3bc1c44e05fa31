import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApi } from "../src/api/app.js";
import { projectRoot } from "../src/config.js";
import { buildExplorer } from "../src/web/build.js";
import { explorerRoute } from "../src/web/route.js";
import { startTestApi } from "./support/api.js";
import { launchChromium } from "./support/browser.js";
import { seededGraph } from "./support/neo4j.js";

const SHOTS = path.join(projectRoot, "test-results", "screenshots");

let driver: Driver;
let api: RunningApi;
let browser: Browser;
let page: Page;
const outside: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  driver = await seededGraph();
  await buildExplorer();
  api = await startTestApi(driver, { routes: [explorerRoute] });
  await mkdir(SHOTS, { recursive: true });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on("request", (r) => {
    if (!r.url().startsWith(api.url) && !/^(data|blob):/.test(r.url())) outside.push(r.url());
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
  await driver?.close();
});

async function open(hash: string) {
  await page.goto(`${api.url}/${hash}`);
  await ready();
}

async function ready() {
  await page.waitForFunction(() => document.body.dataset.ready === "true");
}

async function shot(name: string) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

const nodeCount = async (testId: string) => Number(await page.getAttribute(`[data-testid="${testId}-canvas"]`, "data-nodes"));

/** Types into a search box and waits for the hit list. */
async function typeSearch(testId: string, text: string) {
  await page.fill(`[data-testid="${testId}-input"]`, text);
  await page.waitForSelector(`[data-testid="${testId}-hits"] li[data-id]`);
}

describe("analyst explorer in a real Chromium", () => {
  it("searches in Chinese, moves through the results with the keyboard and opens the pick", async () => {
    await open("#/explore");
    await typeSearch("search", "重庆");
    const first = await page.getAttribute('[data-testid="search-hits"] li[data-id]', "data-id");
    expect(first).toBe("chongqing");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await page.waitForURL(/id=chongqing/);
    await ready();
    expect(await page.textContent('[data-testid="card-name"]')).toBe("Chongqing");
    expect(await nodeCount("explore-graph")).toBeGreaterThan(5);
  });

  it("searches in Korean and shows kind, canonical name and the matching alias", async () => {
    await typeSearch("search", "홍콩");
    const hit = page.locator('[data-testid="search-hits"] li[data-id="hong-kong"]');
    await expect(hit.textContent()).resolves.toMatch(/Region.*Hong Kong.*홍콩/);
    await shot("search");
    await page.keyboard.press("Escape");
  });

  it("shows an entity card: kind, names by language, attributes, location chain, relations with quotes", async () => {
    await open("#/explore?id=zibo-bureau-of-science-and-technology");
    expect(await page.textContent('[data-testid="card-kind"]')).toBe("Institution");
    expect(await page.textContent('[data-testid="card-names"]')).toContain("淄博市科技局");
    expect(await page.textContent('[data-testid="card-location"]')).toBe("Zibo → Shandong → China");
    expect(await page.textContent('[data-testid="relations-PARTY_TO"]')).toContain("全面合作战略框架协议");

    // A date known to the year only reads as the year, not as 1 January.
    await open("#/explore?id=hk-all-districts-federation-zibo-strategic-cooperation-agreement-2019");
    expect(await page.textContent('[data-testid="card-signedOn"]')).toBe("2019");

    await open("#/explore?id=sufang-li-rich-cathode-pilot-line");
    expect(await page.textContent('[data-testid="card-capacity"]')).toBe("300 t");
    expect(await page.textContent('[data-testid="relations-SUPPLIES"]')).toContain("샘플을 보냈다");
    await shot("card");
  });

  it("draws the neighbourhood coloured by kind with a legend, filters by kind, and follows the depth control", async () => {
    await open("#/explore?id=hktdc&depth=1");
    const depth1 = await nodeCount("explore-graph");
    expect(depth1).toBeGreaterThanOrEqual(5);
    const legend = await page.textContent('[data-testid="explore-graph-legend"]');
    expect(legend).toContain("Institution");
    expect(legend).toContain("Person");
    await page.uncheck('[data-testid="kind-PERSON"] input');
    expect(await nodeCount("explore-graph")).toBeLessThan(depth1);
    await page.check('[data-testid="kind-PERSON"] input');
    await page.selectOption('[data-testid="depth"]', "2");
    await page.waitForURL(/depth=2/);
    await ready();
    expect(await nodeCount("explore-graph")).toBeGreaterThan(depth1);
    await shot("explore");
  });

  it("expands a node on double-click, pulling in its neighbours", async () => {
    await open("#/explore?id=cityu&depth=1");
    const before = await nodeCount("explore-graph");
    const point = await page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="explore-graph-canvas"]') as HTMLElement & { cytoscape: any };
      const pos = canvas.cytoscape.getElementById("sufang-new-energy-technology").renderedPosition();
      const box = canvas.getBoundingClientRect();
      return { x: box.left + pos.x, y: box.top + pos.y };
    });
    await page.mouse.dblclick(point.x, point.y);
    await page.waitForURL(/x=sufang-new-energy-technology/);
    await ready();
    expect(await nodeCount("explore-graph")).toBeGreaterThan(before);
  });

  it("finds the path between entities of two articles, with quotes, and opens the article at a quote", async () => {
    await open("#/path");
    await typeSearch("path-from", "홍콩도시대학");
    await page.keyboard.press("Enter");
    await typeSearch("path-to", "香港貿易發展局");
    await page.keyboard.press("Enter");
    await page.waitForURL(/from=cityu&to=hktdc/);
    await ready();
    const steps = page.locator('[data-testid="path-steps"] > li');
    expect(await steps.count()).toBeGreaterThanOrEqual(2);
    expect(await nodeCount("path-graph")).toBe((await steps.count()) + 1);
    await shot("path");

    const link = page.locator('[data-testid="path-steps"] [data-testid="quote-link"]').first();
    const quote = await page.locator('[data-testid="path-steps"] q').first().textContent();
    await link.click();
    await page.waitForSelector('[data-testid="article"][open] [data-testid="quote-mark"]');
    expect(await page.textContent('[data-testid="quote-mark"]')).toBe(quote);
    await shot("article");
    await page.keyboard.press("Escape");
  });

  it("reopens the same view from a shared URL", async () => {
    const url = page.url();
    const before = await page.locator('[data-testid="path-steps"] > li').count();
    const other = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await other.goto(url);
    await other.waitForFunction(() => document.body.dataset.ready === "true");
    expect(await other.locator('[data-testid="path-steps"] > li').count()).toBe(before);
    await other.close();
  });

  it("gives several paths from HKBU to Shandong through the agreement, never through Hong Kong, and avoids a node on request", async () => {
    await open("#/path?from=hkbu&to=shandong");
    expect(await page.locator('[data-testid="path-choices"] button').count()).toBe(3);
    const steps = page.locator('[data-testid="path-steps"] > li');
    expect(await nodeCount("path-graph")).toBe((await steps.count()) + 1);
    const first = await page.textContent('[data-testid="path-steps"]');
    expect(first).toContain("Hong Kong Baptist University PARTY_TO HKBU-Shandong Normal University Mass Spectrometry");
    expect(first).toContain("Shandong Normal University LOCATED_IN Shandong");
    expect(await page.textContent('[data-testid="path-choices"]')).not.toMatch(/→ Hong Kong →|→ China →/);
    await page.click('[data-testid="path-avoid"]:text-is("avoid Shandong Normal University")');
    await page.waitForURL(/avoid=shandong-normal-university/);
    await ready();
    expect(await page.textContent('[data-testid="path-steps"]')).not.toContain("Shandong Normal University LOCATED_IN");
    expect(await page.textContent('[data-testid="path-avoided"]')).toContain("shandong-normal-university");
  });

  it("lists innovation chains and the links between two regions", async () => {
    await open("#/chains?through=cityu");
    expect(await page.textContent('[data-testid="chains-list"]')).toContain(
      "City University of Hong Kong → Sufang New Energy Technology Co., Ltd.",
    );
    expect(await nodeCount("chains-graph")).toBe(5);
    await shot("chains");

    await open("#/regions");
    await typeSearch("region-a", "香港");
    await page.keyboard.press("Enter");
    await typeSearch("region-b", "山东");
    await page.keyboard.press("Enter");
    await page.waitForURL(/a=hong-kong&b=shandong/);
    await ready();
    const links = await page.textContent('[data-testid="region-links"]');
    expect(links).toContain("Hong Kong Science and Technology Parks Corporation CO_FOUNDED");
    expect(await nodeCount("regions-graph")).toBeGreaterThan(5);
    await shot("regions");

    // Which Hong Kong universities work with Shandong, and through what (regionCooperation).
    await page.selectOption('[data-testid="region-a-kind"]', "INSTITUTION");
    await page.waitForURL(/ak=INSTITUTION/);
    await ready();
    await page.fill('[data-testid="region-a-type"]', "university");
    await page.press('[data-testid="region-a-type"]', "Enter");
    await page.waitForURL(/at=university/);
    await ready();
    const universities = await page.textContent('[data-testid="region-links"]');
    for (const text of [
      "Hong Kong Baptist University — HKBU-Shandong Normal University Mass Spectrometry",
      "The Chinese University of Hong Kong — CUHK-Shandong Zaiying",
      "香港浸会大学与山东师范大学线上签订《质谱成像与质谱定量分析研究》合作协议",
      'its name says "Shandong"',
    ]) {
      expect(universities).toContain(text);
    }
    expect(await page.textContent('[data-testid="region-pairs"]')).toContain("Shandong Normal University");
  });

  it("exports the graph as CSV, JSON and PNG", async () => {
    await open("#/explore?id=hktdc&depth=1");
    const save = async (what: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="explore-graph-${what}"]`)]);
      return readFile((await download.path()) as string);
    };
    const csv = (await save("csv")).toString("utf8");
    expect(csv).toContain('"source_id","source_name","type","target_id","target_name","article_id","quote"');
    expect(csv).toContain('"hktdc","Hong Kong Trade Development Council","ORGANIZED","innoex-2024"');
    const json = JSON.parse((await save("json")).toString("utf8"));
    expect(json.nodes.map((n: { id: string }) => n.id)).toContain("hktdc");
    expect(json.edges.find((e: { type: string }) => e.type === "ORGANIZED").evidence[0].articleId).toBe("article-001");
    const png = await save("png");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });

  it("made no request outside the server and raised no script error", () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
