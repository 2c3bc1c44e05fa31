import { mkdir, readFile, writeFile } from "node:fs/promises";
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

/** The status line once it says what `expected` matches (a view sets it when its answer arrives). */
async function statusMatching(expected: RegExp | string): Promise<string> {
  const source = typeof expected === "string" ? `^${expected.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$` : expected.source;
  await page
    .waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-testid="status"]')?.textContent ?? ""), source, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  return (await page.textContent('[data-testid="status"]')) ?? "";
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

/** A drawn node: its id, full name, kind, centre and boxes (body alone and with its label), in model coordinates. */
interface Drawn {
  id: string;
  name: string;
  kind: string;
  x: number;
  y: number;
  body: { x1: number; y1: number; x2: number; y2: number };
  withLabel: { x1: number; y1: number; x2: number; y2: number };
}

/** The visible nodes of a drawing, read from cytoscape. */
async function drawn(testId: string, p: Page = page): Promise<Drawn[]> {
  return p.evaluate((id) => {
    const canvas = document.querySelector(`[data-testid="${id}-canvas"]`) as HTMLElement & { cytoscape: any };
    return canvas.cytoscape
      .nodes()
      .filter((n: any) => n.visible())
      .map((n: any) => ({
        id: n.id(),
        name: n.data("name"),
        kind: n.data("kind"),
        x: n.position("x"),
        y: n.position("y"),
        body: n.boundingBox({ includeLabels: false, includeOverlays: false }),
        withLabel: n.boundingBox({ includeLabels: true, includeOverlays: false }),
      }));
  }, testId);
}

/** Pairs of nodes whose boxes overlap. */
function overlaps(nodes: Drawn[], box: "body" | "withLabel"): string[] {
  const out: string[] = [];
  for (const [i, a] of nodes.entries()) {
    for (const b of nodes.slice(i + 1)) {
      const p = a[box];
      const q = b[box];
      if (p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2) out.push(`${a.id} × ${b.id}`);
    }
  }
  return out;
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
    await page.waitForSelector('[data-testid="card-name"], [data-testid="card-error"]');
    expect(await page.locator('[data-testid="card-error"]').count(), (await page.textContent('[data-testid="card"]')) ?? "").toBe(0);
    expect(await page.textContent('[data-testid="card-name"]')).toBe("Chongqing");
    expect(await nodeCount("explore-graph"), (await page.textContent('[data-testid="status"]')) ?? "").toBeGreaterThan(5);
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
    expect(overlaps(await drawn("explore-graph"), "withLabel")).toEqual([]);
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

  it("exports the graph as CSV, JSON and PNG, named after the view and entity", async () => {
    await open("#/explore?id=hktdc&depth=1");
    const names: string[] = [];
    const save = async (what: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="explore-graph-${what}"]`)]);
      names.push(download.suggestedFilename());
      return readFile((await download.path()) as string);
    };
    const csv = (await save("csv")).toString("utf8");
    const rows = csv.replace(/^\ufeff/, "").split("\r\n");
    expect(rows[0]).toBe(
      '"source_id","source_name","source_kind","type","target_id","target_name","target_kind","basis","article_id","article_title","article_date","quote","draft"',
    );
    const organized = rows.find((r) =>
      r.startsWith('"hktdc","Hong Kong Trade Development Council","INSTITUTION","ORGANIZED","innoex-2024"'),
    );
    expect(organized).toContain('"EVENT","article","article-001","“重慶造”硬核成果吸引國際目光","2024-04-18","');
    // A gazetteer fact: no article, said so.
    expect(rows.find((r) => r.startsWith('"hktdc","Hong Kong Trade Development Council","INSTITUTION","LOCATED_IN","hong-kong"'))).toBe(
      '"hktdc","Hong Kong Trade Development Council","INSTITUTION","LOCATED_IN","hong-kong","Hong Kong","REGION","gazetteer","","","","",""',
    );
    const json = JSON.parse((await save("json")).toString("utf8"));
    expect(json.nodes.map((n: { id: string }) => n.id)).toContain("hktdc");
    expect(json.edges.find((e: { type: string }) => e.type === "ORGANIZED").evidence[0].articleId).toBe("article-001");
    const png = await save("png");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    // Title and legend above the drawing, the source line below it: the PNG is taller than the drawing alone.
    const drawing = await page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="explore-graph-canvas"]') as HTMLElement & { cytoscape: any };
      const b64 = canvas.cytoscape.png({ output: "base64", full: true, scale: 2 });
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      return new DataView(bytes.buffer).getUint32(20);
    });
    expect(png.readUInt32BE(20)).toBeGreaterThan(drawing + 100);
    await writeFile(path.join(SHOTS, "export.png"), png);
    expect(names).toEqual(["explore-hktdc.csv", "explore-hktdc.json", "explore-hktdc.png"]);
  });

  it("names a path's export after its ends", async () => {
    await open("#/path?from=chongqing&to=hkstp");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="path-graph-csv"]')]);
    expect(download.suggestedFilename()).toBe("path-chongqing-hkstp.csv");
  });

  it("draws every Explore view with no node on another, labels included, the focus alone in its place", async () => {
    for (const hash of [
      "#/explore?id=hktdc&depth=1",
      "#/explore?id=hong-kong&depth=1",
      "#/explore?id=chongqing&depth=1",
      "#/explore?id=zibo&depth=1",
      "#/explore?id=hktdc&depth=2",
      "#/explore?id=hktdc&depth=3",
    ]) {
      await open(hash);
      const nodes = await drawn("explore-graph");
      expect(nodes.length, hash).toBeGreaterThan(4);
      expect(overlaps(nodes, "body"), hash).toEqual([]);
      expect(overlaps(nodes, "withLabel"), hash).toEqual([]);
    }
    await shot("explore-depth3");
  });

  it("lays a path out left to right in its order", async () => {
    await open("#/path?from=chongqing&to=hkstp");
    // The path's order, from its steps: each step leads from the node reached so far to the next one.
    const steps = await page.$$eval('[data-testid="path-steps"] > li', (lis) =>
      lis.map((li) => [...li.querySelectorAll(":scope > strong")].map((s) => s.textContent ?? "")),
    );
    expect(steps.length).toBeGreaterThanOrEqual(3);
    const nodes = await drawn("path-graph");
    const byName = new Map(nodes.map((n) => [n.name, n]));
    const order = [byName.get("Chongqing")?.name as string];
    for (const [a, b] of steps) order.push(order.at(-1) === a ? (b as string) : (a as string));
    expect(order.length).toBe(nodes.length);
    const xs = order.map((name) => byName.get(name)?.x as number);
    for (let i = 1; i < xs.length; i++) expect(xs[i], `${order[i - 1]} then ${order[i]}`).toBeGreaterThan(xs[i - 1] as number);
    expect(new Set(nodes.map((n) => Math.round(n.y))).size).toBe(1);
    expect(overlaps(nodes, "withLabel")).toEqual([]);

    // A click on a step's edge shows its quote beside the drawing.
    const edgeId = await page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="path-graph-canvas"]') as HTMLElement & { cytoscape: any };
      return canvas.cytoscape
        .edges()
        .filter((e: any) => e.data("source") === "chongqing" || e.data("target") === "chongqing")[0]
        .id();
    });
    const mid = await page.evaluate((id) => {
      const canvas = document.querySelector('[data-testid="path-graph-canvas"]') as HTMLElement & { cytoscape: any };
      const pos = canvas.cytoscape.getElementById(id).renderedMidpoint();
      const box = canvas.getBoundingClientRect();
      return { x: box.left + pos.x, y: box.top + pos.y };
    }, edgeId);
    await page.mouse.click(mid.x, mid.y);
    await page.waitForSelector('[data-testid="path-edge"]:not([hidden]) [data-testid="edge-details"]');
    expect(await page.textContent('[data-testid="path-edge"] .edge-title')).toContain("Chongqing");
    const firstStepQuote = await page.textContent('[data-testid="path-steps"] > li:first-child q');
    expect(await page.textContent('[data-testid="path-edge"] q')).toBe(firstStepQuote);
  });

  it("lays an innovation chain out in columns lab → company → line → customer, customers fanned out", async () => {
    await open("#/chains?through=cityu");
    const chains = await page.$$eval('[data-testid="chains-list"] .chain h4', (hs) => hs.map((h) => (h.textContent ?? "").split(" → ")));
    expect(chains.length).toBeGreaterThanOrEqual(2);
    const nodes = await drawn("chains-graph");
    const byName = new Map(nodes.map((n) => [n.name, n]));
    for (const chain of chains) {
      const xs = chain.map((name) => byName.get(name)?.x as number);
      for (let i = 1; i < xs.length; i++) expect(xs[i], chain.join(" → ")).toBeGreaterThan(xs[i - 1] as number);
    }
    const customers = new Set(chains.map((c) => c[3]));
    expect(customers.size).toBeGreaterThanOrEqual(2);
    const customerYs = [...customers].map((name) => byName.get(name as string)?.y);
    expect(new Set(customerYs).size).toBe(customers.size);
    expect(overlaps(nodes, "withLabel")).toEqual([]);
  });

  it("lays out again when a kind is hidden, and counts only what is shown", async () => {
    await open("#/explore?id=hktdc&depth=2");
    const before = await drawn("explore-graph");
    const people = before.filter((n) => n.kind === "PERSON").length;
    expect(people).toBeGreaterThan(0);
    await page.uncheck('[data-testid="kind-PERSON"] input');
    await page.waitForSelector('[data-testid="explore-graph-canvas"][data-settled="true"]');
    const after = await drawn("explore-graph");
    expect(after.length).toBe(before.length - people);
    expect(after.some((n) => n.kind === "PERSON")).toBe(false);
    expect(overlaps(after, "body")).toEqual([]);
    const shownEdges = Number(await page.getAttribute('[data-testid="explore-graph-canvas"]', "data-edges"));
    expect(await page.textContent('[data-testid="status"]')).toBe(`${after.length} entities, ${shownEdges} relations shown`);
    // Nodes that lost their link to the rest are drawn near it again, not left where they were.
    const moved = after.filter((n) => {
      const was = before.find((b) => b.id === n.id) as Drawn;
      return Math.abs(was.x - n.x) > 1 || Math.abs(was.y - n.y) > 1;
    });
    expect(moved.length).toBeGreaterThan(0);
    await page.check('[data-testid="kind-PERSON"] input');
  });

  it("shows a node's full name on hover and an edge's quotes on click", async () => {
    await open("#/explore?id=hktdc&depth=1");
    const at = (what: "node" | "edge", id: string) =>
      page.evaluate(
        ([w, i]) => {
          const canvas = document.querySelector('[data-testid="explore-graph-canvas"]') as HTMLElement & { cytoscape: any };
          const el = canvas.cytoscape.getElementById(i);
          const pos = w === "node" ? el.renderedPosition() : el.renderedMidpoint();
          const box = canvas.getBoundingClientRect();
          return { x: box.left + pos.x, y: box.top + pos.y };
        },
        [what, id] as const,
      );
    const node = await at("node", "hktdc");
    await page.mouse.move(node.x, node.y);
    await page.waitForSelector('[data-testid="explore-graph-tooltip"]:not([hidden])');
    expect(await page.textContent('[data-testid="explore-graph-tooltip"]')).toBe("Hong Kong Trade Development Council · Institution");

    const edge = await at("edge", "hktdc|ORGANIZED|innoex-2024");
    await page.mouse.click(edge.x, edge.y);
    await page.waitForSelector('[data-testid="card"] [data-testid="edge-details"]');
    const details = await page.textContent('[data-testid="card"] [data-testid="edge-details"]');
    expect(details).toContain("Hong Kong Trade Development Council ORGANIZED");
    const quote = await page.textContent('[data-testid="card"] [data-testid="edge-details"] q');
    expect(quote?.length).toBeGreaterThan(10);
    expect(quote).toMatch(/貿易發展局|贸易发展局|貿發局/);
  });

  it("opens the card on the entity picked from the search, also when Enter comes before the results", async () => {
    await open("#/explore");
    await typeSearch("search", "홍콩도시대학");
    await page.click('[data-testid="search-hits"] li[data-id="cityu"]');
    await page.waitForURL(/id=cityu/);
    await ready();
    expect(await page.textContent('[data-testid="card-name"]')).toBe("City University of Hong Kong");

    await page.fill('[data-testid="search-input"]', "重庆");
    await page.keyboard.press("Enter");
    await page.waitForURL(/id=chongqing/);
    await ready();
    expect(await page.textContent('[data-testid="card-name"]')).toBe("Chongqing");
    expect(await page.getAttribute('[data-testid="card"]', "data-id")).toBe("chongqing");
  });

  it("drops an answer for a view the user has already left", async () => {
    await page.route("**/graphql", async (route) => {
      const body = route.request().postData() ?? "";
      if (body.includes("neighborhood(") && body.includes('"id":"zibo"')) await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    try {
      await page.goto(`${api.url}/#/explore?id=hktdc&depth=1`);
      await ready();
      await page.evaluate(() => {
        location.hash = "#/explore?id=zibo&depth=1";
      });
      // While Zibo's neighbourhood is on its way, the drawing says it is loading.
      await page.waitForSelector('[data-testid="explore-graph-loading"]', { state: "visible" });
      await page.waitForTimeout(200);
      await page.evaluate(() => {
        location.hash = "#/chains?through=cityu";
      });
      await ready();
      const chainsStatus = await page.textContent('[data-testid="status"]');
      expect(chainsStatus).toMatch(/innovation chain/);
      await page.waitForTimeout(2000);
      // The late Zibo answer changed nothing: the status is the chains view's, and Explore still draws HKTDC.
      expect(await page.textContent('[data-testid="status"]')).toBe(chainsStatus);
      expect(await page.getAttribute("body", "data-ready")).toBe("true");
      const explore = await page.evaluate(() => {
        const canvas = document.querySelector('[data-testid="explore-graph-canvas"]') as HTMLElement & { cytoscape: any };
        return canvas.cytoscape.nodes(".focus").map((n: any) => n.id());
      });
      expect(explore).toEqual(["hktdc"]);
    } finally {
      await page.unroute("**/graphql");
    }
  });

  it("keeps the card on the last node clicked when an earlier click's answer comes late", async () => {
    await open("#/explore?id=hktdc&depth=1");
    await page.route("**/graphql", async (route) => {
      const body = route.request().postData() ?? "";
      if (body.includes('"id":"chongqing"') && body.includes("entities(")) await new Promise((r) => setTimeout(r, 1200));
      await route.continue();
    });
    try {
      const at = (id: string) =>
        page.evaluate((i) => {
          const canvas = document.querySelector('[data-testid="explore-graph-canvas"]') as HTMLElement & { cytoscape: any };
          const pos = canvas.cytoscape.getElementById(i).renderedPosition();
          const box = canvas.getBoundingClientRect();
          return { x: box.left + pos.x, y: box.top + pos.y };
        }, id);
      const chongqing = await at("chongqing");
      await page.mouse.click(chongqing.x, chongqing.y);
      await page.waitForSelector('[data-testid="card-loading"]');
      const hongKong = await at("hong-kong");
      await page.mouse.click(hongKong.x, hongKong.y);
      await page.waitForFunction(() => document.querySelector('[data-testid="card"]')?.getAttribute("data-id") === "hong-kong");
      await page.waitForTimeout(1500);
      expect(await page.textContent('[data-testid="card-name"]')).toBe("Hong Kong");
      expect(await page.isVisible('[data-testid="card-loading"]')).toBe(false);
    } finally {
      await page.unroute("**/graphql");
    }
  });

  it("opens no result list on a search field the user has already left", async () => {
    await open("#/path");
    await page.route("**/graphql", async (route) => {
      if ((route.request().postData() ?? "").includes("search(")) await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    try {
      await page.fill('[data-testid="path-from-input"]', "香港");
      await page.waitForTimeout(300); // the search has been sent, its answer is on its way
      await page.focus('[data-testid="path-to-input"]');
      await page.waitForTimeout(1200);
      expect(await page.isVisible('[data-testid="path-from-hits"]')).toBe(false);
      await typeSearch("path-to", "山东");
      expect(await page.locator(".hits.open").count()).toBe(1);
    } finally {
      await page.unroute("**/graphql");
      await page.keyboard.press("Escape");
    }
  });

  it("restores the open card, the filters and the zoom from a shared URL", async () => {
    await open("#/explore?id=hktdc&depth=2");
    await page.uncheck('[data-testid="kind-PERSON"] input');
    await page.waitForSelector('[data-testid="explore-graph-canvas"][data-settled="true"]');
    await page.waitForURL(/hk=PERSON/);
    const viewportOf = (p: Page) =>
      p.evaluate(() => {
        const canvas = document.querySelector('[data-testid="explore-graph-canvas"]') as HTMLElement & { cytoscape: any };
        const cy = canvas.cytoscape;
        const box = canvas.getBoundingClientRect();
        const chongqing = cy.getElementById("chongqing").renderedPosition();
        return { zoom: cy.zoom(), pan: cy.pan(), chongqing: { x: box.left + chongqing.x, y: box.top + chongqing.y } };
      });
    const before = await viewportOf(page);
    await page.mouse.click(before.chongqing.x, before.chongqing.y);
    await page.waitForFunction(() => document.querySelector('[data-testid="card"]')?.getAttribute("data-id") === "chongqing");
    await page.waitForURL(/sel=chongqing/);
    await page.mouse.move(before.chongqing.x, before.chongqing.y);
    await page.mouse.wheel(0, -400);
    await page.waitForURL(/z=/);
    const shared = page.url();
    const zoomed = await viewportOf(page);
    expect(zoomed.zoom).toBeGreaterThan(before.zoom);

    const other = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await other.goto(shared);
      await other.waitForFunction(() => document.body.dataset.ready === "true");
      expect(await other.textContent('[data-testid="card-name"]')).toBe("Chongqing");
      expect(await other.isChecked('[data-testid="kind-PERSON"] input')).toBe(false);
      expect(await other.isChecked('[data-testid="kind-REGION"] input')).toBe(true);
      expect((await drawn("explore-graph", other)).some((n) => n.kind === "PERSON")).toBe(false);
      const restored = await viewportOf(other);
      expect(restored.zoom).toBeCloseTo(zoomed.zoom, 2);
      // Same canvas size and zoom: the same pan means the same part of the drawing (the URL rounds the centre to a pixel).
      expect(Math.abs(restored.pan.x - zoomed.pan.x)).toBeLessThan(2 * zoomed.zoom + 1);
      expect(Math.abs(restored.pan.y - zoomed.pan.y)).toBeLessThan(2 * zoomed.zoom + 1);
    } finally {
      await other.close();
    }
    await page.check('[data-testid="kind-PERSON"] input');
  });

  it("saves a named view in the browser and opens it again by its name or its link", async () => {
    await open("#/path?from=chongqing&to=hkstp");
    const hash = new URL(page.url()).hash;
    await page.click('[data-testid="saved-views"] summary');
    await page.fill('[data-testid="saved-name"]', "Chongqing to the Science Park");
    await page.click('[data-testid="saved-save"]');
    const item = '[data-testid="saved-list"] li[data-name="Chongqing to the Science Park"]';
    expect(await page.inputValue(`${item} .saved-link`)).toBe(`${api.url}/${hash}`);

    await open("#/explore?id=hktdc");
    await page.reload();
    await ready();
    await page.click('[data-testid="saved-views"] summary');
    await page.click(`${item} a`);
    await page.waitForURL((url) => url.hash === hash);
    await ready();
    expect(await statusMatching(/^\d path\(s\) from Chongqing to Hong Kong Science/)).toMatch(
      /^\d path\(s\) from Chongqing to Hong Kong Science/,
    );
    await page.click(`${item} .saved-delete`);
    expect(await page.locator(item).count()).toBe(0);
    await page.click('[data-testid="saved-views"] summary');
  });

  it("keeps each tab's own status line", async () => {
    await open("#/explore?id=hktdc&depth=1");
    expect(await statusMatching(/^\d+ entities, \d+ relations shown$/)).toMatch(/^\d+ entities, \d+ relations shown$/);
    expect(await page.isVisible('[data-testid="explore-graph-loading"]')).toBe(false);
    await page.click('[data-testid="tab-review"]');
    await page.waitForURL(/#\/review/);
    await ready();
    expect(await statusMatching(/^(?!.*(?:entities|relations shown))/)).not.toMatch(/entities|relations shown/);
    await page.click('[data-testid="tab-path"]');
    await page.waitForURL(/#\/path/);
    await ready();
    expect(await statusMatching("Pick two entities.")).toBe("Pick two entities.");
  });

  it("is usable at 400 px: graph above the card, the canvas drawn, no sideways scroll", async () => {
    const narrow = await browser.newPage({ viewport: { width: 400, height: 800 } });
    narrow.on("pageerror", (e) => pageErrors.push(e.message));
    try {
      for (const hash of [
        "#/explore?id=hktdc&depth=1",
        "#/path?from=chongqing&to=hkstp",
        "#/chains?through=cityu",
        "#/regions?a=hong-kong&b=shandong",
      ]) {
        await narrow.goto(`${api.url}/${hash}`);
        await narrow.waitForFunction(() => document.body.dataset.ready === "true");
        const view = hash.slice(2, hash.indexOf("?"));
        const testId = `${view}-graph`;
        const canvas = (await narrow.locator(`[data-testid="${testId}-canvas"]`).boundingBox()) as {
          width: number;
          height: number;
          y: number;
        };
        expect(canvas.width, hash).toBeGreaterThan(300);
        expect(canvas.height, hash).toBeGreaterThan(200);
        expect(await narrow.evaluate(() => document.documentElement.scrollWidth), hash).toBeLessThanOrEqual(400);
        const aside = (await narrow.locator(`section.view.${view} aside.card`).boundingBox()) as { y: number };
        expect(aside.y, hash).toBeGreaterThanOrEqual(canvas.y + canvas.height);
        // The nodes are on the canvas, not off its edge.
        const nodes = await drawn(testId, narrow);
        expect(nodes.length, hash).toBeGreaterThan(1);
        const outside = await narrow.evaluate((id) => {
          const c = document.querySelector(`[data-testid="${id}-canvas"]`) as HTMLElement & { cytoscape: any };
          const w = c.clientWidth;
          return c.cytoscape
            .nodes()
            .filter((n: any) => n.visible() && (n.renderedPosition("x") < 0 || n.renderedPosition("x") > w))
            .map((n: any) => n.id());
        }, testId);
        expect(outside, hash).toEqual([]);
      }
      await narrow.screenshot({ path: path.join(SHOTS, "narrow.png") });
    } finally {
      await narrow.close();
    }
  });

  it("made no request outside the server and raised no script error", () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
