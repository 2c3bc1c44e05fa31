import { createServer, type Server } from "node:http";
import type { Driver } from "neo4j-driver";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApi } from "../src/api/app.js";
import { buildExplorer } from "../src/web/build.js";
import { explorerRoute } from "../src/web/route.js";
import { startTestApi, token } from "./support/api.js";
import { launchChromium } from "./support/browser.js";
import { freePort } from "./support/free-port.js";
import { seededGraph } from "./support/neo4j.js";

/**
 * A frontend on another origin (another site, even: localhost against the API's 127.0.0.1), as a
 * team building on the API would run it: a tiny page server of its own, the API called with fetch.
 */
function pageServer(port: number): Promise<Server> {
  const server = createServer((_req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end("<!doctype html><html><head><title>frontend</title></head><body>frontend</body></html>");
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

let driver: Driver;
let api: RunningApi;
let browser: Browser;
let allowedPort: number;
let otherPort: number;
const pageServers: Server[] = [];

beforeAll(async () => {
  driver = await seededGraph();
  await buildExplorer();
  allowedPort = await freePort();
  otherPort = await freePort();
  pageServers.push(await pageServer(allowedPort), await pageServer(otherPort));
  api = await startTestApi(driver, { routes: [explorerRoute], corsOrigins: [`http://localhost:${allowedPort}`] });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const s of pageServers) await new Promise((resolve) => s.close(resolve));
  await api?.close();
  await driver?.close();
});

const QUERY = `{ institutions(where: { id: { eq: "hktdc" } }) { id name } }`;
const HKTDC = { data: { institutions: [{ id: "hktdc", name: "Hong Kong Trade Development Council" }] } };

/** Runs fetch in the page: the answer's status and JSON, or the error the browser raised. */
async function fetchFrom(page: Page, url: string, init: RequestInit): Promise<{ status?: number; json?: unknown; error?: string }> {
  return page.evaluate(
    async ([u, i]) => {
      try {
        const res = await fetch(u, i);
        return { status: res.status, json: await res.json() };
      } catch (err) {
        return { error: String(err) };
      }
    },
    [url, init] as const,
  );
}

const post: RequestInit = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: QUERY }) };

describe("a frontend on another origin calls the API from Chromium", () => {
  it("gets data when its origin is in CORS_ORIGINS: POST with JSON (preflighted) and a plain GET", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`http://localhost:${allowedPort}/`);
      expect(await fetchFrom(page, `${api.url}/graphql`, post)).toEqual({ status: 200, json: HKTDC });
      // The Authorization header passes the preflight too.
      const withToken = { ...post, headers: { ...post.headers, authorization: `Bearer ${await token("reader")}` } };
      expect(await fetchFrom(page, `${api.url}/graphql`, withToken)).toEqual({ status: 200, json: HKTDC });
      expect(await fetchFrom(page, `${api.url}/graphql?query=${encodeURIComponent(QUERY)}`, {})).toEqual({ status: 200, json: HKTDC });
    } finally {
      await page.close();
    }
  });

  it("is blocked by the browser when its origin is not in CORS_ORIGINS", async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on("console", (m) => {
      if (/CORS policy/.test(m.text())) blocked.push(m.text());
    });
    try {
      await page.goto(`http://localhost:${otherPort}/`);
      expect(await fetchFrom(page, `${api.url}/graphql`, post)).toEqual({ error: "TypeError: Failed to fetch" });
      expect(await fetchFrom(page, `${api.url}/graphql?query=${encodeURIComponent(QUERY)}`, {})).toEqual({
        error: "TypeError: Failed to fetch",
      });
      expect(blocked.join("\n")).toMatch(/No 'Access-Control-Allow-Origin' header/);
    } finally {
      await page.close();
    }
  });
});

describe("the Content-Security-Policy lets our own pages work", () => {
  /** A page that records every CSP violation and script error. */
  async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    return { page, problems };
  }

  it("GraphiQL loads its editor and runs the first example query", async () => {
    const { page, problems } = await watchedPage();
    try {
      await page.goto(`${api.url}/graphiql`);
      await page.waitForSelector(".graphiql-query-editor .CodeMirror");
      await page.click(".graphiql-execute-button");
      await page.waitForFunction(() => document.querySelector(".graphiql-response")?.textContent?.includes('"data"'));
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("the explorer opens an entity and draws its network", async () => {
    const { page, problems } = await watchedPage();
    try {
      await page.goto(`${api.url}/#/explore?id=hktdc`);
      await page.waitForFunction(() => document.body.dataset.ready === "true");
      expect(await page.textContent('[data-testid="card-name"]')).toBe("Hong Kong Trade Development Council");
      expect(Number(await page.getAttribute('[data-testid="explore-graph-canvas"]', "data-nodes"))).toBeGreaterThan(3);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
