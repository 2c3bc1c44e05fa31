import { type IncomingHttpHeaders, request } from "node:http";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApi } from "../src/api/app.js";
import { buildExplorer } from "../src/web/build.js";
import { explorerRoute } from "../src/web/route.js";
import { type GqlResponse, gql, startTestApi } from "./support/api.js";
import { seededGraph } from "./support/neo4j.js";

/** An origin allowed by CORS_ORIGINS in this suite, and one that is not. */
const FRONTEND = "http://localhost:5173";
const STRANGER = "https://evil.example";
const MAX_BODY_BYTES = 3 * 1024 * 1024;

let driver: Driver;
let api: RunningApi;
let port: number;

beforeAll(async () => {
  driver = await seededGraph();
  await buildExplorer();
  api = await startTestApi(driver, { routes: [explorerRoute], corsOrigins: [FRONTEND] });
  port = Number(new URL(api.url).port);
});
afterAll(async () => {
  await api?.close();
  await driver?.close();
});

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  ms: number;
}

/** One request over node:http, which (unlike fetch) may set any Host and stream any body. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string | number> = {},
  body?: Buffer | string,
  o: { agent?: import("node:http").Agent } = {},
): Promise<RawResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers, agent: o.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          ms: performance.now() - started,
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: regions { id }`).join(" ")} }`;

describe("HTTP statuses of refused queries", () => {
  it("a syntax error is 400 GRAPHQL_PARSE_FAILED", async () => {
    const r = await gql(api, "{ regions { id }");
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(r.errors?.[0]?.message).toMatch(/^Syntax Error: Expected Name, found <EOF>/);
  });

  it("a 500-alias query is refused by the token limit: 400, and the message names the limit", async () => {
    const r = await gql(api, aliases(500));
    expect(r.status).toBe(400);
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(r.errors?.[0]?.message).toBe("Token limit of 2000 exceeded: the query has more than 2000 tokens.");
  });

  it("the alias, depth and cost limits answer 400 with messages that name the limit and do not claim a syntax error", async () => {
    const tooManyAliases = await gql(api, aliases(30));
    expect(tooManyAliases.status).toBe(400);
    expect(tooManyAliases.errors?.[0]?.message).toBe("Aliases limit of 15 exceeded, found 30.");

    let selection = "id";
    for (let i = 0; i < 12; i++) selection = `partOf { ${selection} }`;
    const deep = await gql(api, `{ regions { ${selection} } }`);
    expect(deep.status).toBe(400);
    const messages = deep.errors?.map((e) => e.message) ?? [];
    expect(messages).toContain("Query depth limit of 10 exceeded, found 14.");
    for (const m of messages) expect(m).not.toMatch(/^Syntax Error/);
    expect(deep.errors?.every((e) => e.extensions?.code === "GRAPHQL_VALIDATION_FAILED")).toBe(true);

    // Shallow (depth 7) and short (695 tokens), but wide: every level asks for two relations.
    const scalars = "id name level nameJa nameKo nameZhHans nameZhHant description";
    let wide = scalars;
    for (let i = 0; i < 5; i++) wide = `${scalars} partOf { ${wide} } parts { ${wide} }`;
    const costly = await gql(api, `{ regions { ${wide} } }`);
    expect(costly.status).toBe(400);
    const refusal = costly.errors?.find((e) => /limit/.test(e.message));
    expect(refusal?.message).toMatch(/^Query Cost limit of 5000 exceeded, found \d+/);
    expect(refusal?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("an unknown field is 400 GRAPHQL_VALIDATION_FAILED", async () => {
    const r = await gql(api, "{ regions { nonsense } }");
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

describe("what errors repeat of the input is cut", () => {
  it("a 900 KB value in a variable comes back as its first 80 characters and its length", async () => {
    const huge = "x".repeat(900_000);
    const r = await gql(api, "query ($limit: Int) { companies(limit: $limit) { id } }", { limit: huge });
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const message = r.errors?.[0]?.message ?? "";
    expect(message).toContain(`"${"x".repeat(80)}…" (900000 characters)`);
    expect(message).not.toContain("x".repeat(81));
    expect(message.length).toBeLessThan(400);
  });

  it("a 900 KB id in the query text is not sent back whole", async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ neighborhood(id: "${"y".repeat(900_000)}") { nodes { id } } }` }),
    });
    const text = await res.text();
    const body = JSON.parse(text) as GqlResponse;
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThan(2000);
    expect(text).not.toContain("y".repeat(81));
  });
});

describe("CORS", () => {
  it("a preflight from an allowed origin is 204 with the methods and headers it may use", async () => {
    const r = await raw("OPTIONS", "/graphql", {
      origin: FRONTEND,
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type,authorization",
    });
    expect(r.status).toBe(204);
    expect(r.headers["access-control-allow-origin"]).toBe(FRONTEND);
    expect(r.headers["access-control-allow-methods"]).toBe("GET,POST");
    expect(r.headers["access-control-allow-headers"]?.split(",")).toEqual(expect.arrayContaining(["Authorization", "Content-Type"]));
    expect(r.headers["access-control-allow-credentials"]).toBeUndefined();
    expect(r.headers.vary).toMatch(/Origin/);
  });

  it("an allowed origin's POST gets Access-Control-Allow-Origin and data", async () => {
    const r = await raw(
      "POST",
      "/graphql",
      { origin: FRONTEND, "content-type": "application/json" },
      JSON.stringify({ query: `{ institutions(where: { id: { eq: "hktdc" } }) { id } }` }),
    );
    expect(r.status).toBe(200);
    expect(r.headers["access-control-allow-origin"]).toBe(FRONTEND);
    expect(JSON.parse(r.body)).toEqual({ data: { institutions: [{ id: "hktdc" }] } });
  });

  it("another origin gets no Access-Control-Allow-Origin, on the preflight or the request", async () => {
    const preflight = await raw("OPTIONS", "/graphql", { origin: STRANGER, "access-control-request-method": "POST" });
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    const post = await raw(
      "POST",
      "/graphql",
      { origin: STRANGER, "content-type": "application/json" },
      JSON.stringify({ query: "{ __typename }" }),
    );
    expect(post.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("a server with no CORS_ORIGINS sends no CORS headers to any origin", async () => {
    const plain = await startTestApi(driver);
    try {
      const res = await fetch(`${plain.url}/graphql`, {
        method: "OPTIONS",
        headers: { origin: FRONTEND, "access-control-request-method": "POST" },
      });
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await plain.close();
    }
  });
});

describe("GET queries and CSRF", () => {
  const query = encodeURIComponent(`{ institutions(where: { id: { eq: "hktdc" } }) { id } }`);

  it("a GET query works with no special header (curl, scripts)", async () => {
    const r = await raw("GET", `/graphql?query=${query}`);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ data: { institutions: [{ id: "hktdc" }] } });
  });

  it("a GET from our own pages and from an allowed origin works", async () => {
    const same = await raw("GET", `/graphql?query=${query}`, { "sec-fetch-site": "same-origin" });
    expect(same.status).toBe(200);
    const allowed = await raw("GET", `/graphql?query=${query}`, { "sec-fetch-site": "cross-site", origin: FRONTEND });
    expect(allowed.status).toBe(200);
    expect(allowed.headers["access-control-allow-origin"]).toBe(FRONTEND);
  });

  it("a browser's simple GET from another site is refused before it runs (Apollo's CSRF prevention)", async () => {
    const r = await raw("GET", `/graphql?query=${query}`, { "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors" });
    expect(r.status).toBe(400);
    expect(r.body).toMatch(/Cross-Site Request Forgery/);
    const withPreflightHeader = await raw("GET", `/graphql?query=${query}`, {
      "sec-fetch-site": "cross-site",
      "apollo-require-preflight": "true",
    });
    expect(withPreflightHeader.status).toBe(200);
  });

  it("a simple POST (text/plain, as an HTML form sends) is refused, from anywhere", async () => {
    const r = await raw("POST", "/graphql", { "content-type": "text/plain" }, JSON.stringify({ query: "{ __typename }" }));
    expect(r.status).toBe(400);
    expect(r.body).toMatch(/Cross-Site Request Forgery/);
  });

  it("a mutation over GET is refused with 405", async () => {
    const mutation = encodeURIComponent(`mutation { deleteCompanies(where: { id: { eq: "catl" } }) { nodesDeleted } }`);
    const r = await raw("GET", `/graphql?query=${mutation}`);
    expect(r.status).toBe(405);
  });
});

describe("security headers", () => {
  it.each([
    ["/graphql", "POST"],
    ["/graphql?query=%7B__typename%7D", "GET"],
    ["/graphiql", "GET"],
    ["/graphiql/assets/graphiql.js", "GET"],
    ["/", "GET"],
    ["/assets/app.js", "GET"],
    ["/health", "GET"],
    ["/no-such-page", "GET"],
  ])("%s (%s) carries CSP, nosniff, no framing and a referrer policy", async (path, method) => {
    const r =
      method === "POST"
        ? await raw(method, path, { "content-type": "application/json" }, JSON.stringify({ query: "{ __typename }" }))
        : await raw(method, path);
    expect(r.status).toBeLessThan(path === "/no-such-page" ? 500 : 400);
    const csp = String(r.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["x-frame-options"]).toBe("DENY");
    expect(r.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("GraphiQL's page has no inline script", async () => {
    const html = (await raw("GET", "/graphiql")).body;
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(3);
    for (const [, attrs, content] of scripts) {
      if (!/type="application\/json"/.test(attrs ?? "")) expect(content?.trim(), attrs).toBe("");
    }
  });
});

describe("Host header allow-list (DNS rebinding)", () => {
  it.each(["127.0.0.1", "localhost", "LOCALHOST", "[::1]"])("Host %s is served", async (host) => {
    const r = await raw("GET", "/health", { host: `${host}:${port}` });
    expect(r.status).toBe(200);
  });

  it("another Host is refused with 421 and a message naming ALLOWED_HOSTS, on every route", async () => {
    for (const path of ["/health", "/graphql?query=%7B__typename%7D", "/", "/graphiql"]) {
      const r = await raw("GET", path, { host: `rebound.evil.example:${port}` });
      expect(r.status, path).toBe(421);
      expect(JSON.parse(r.body).error, path).toBe(
        'this server does not answer to the host name "rebound.evil.example:' +
          port +
          '" (DNS-rebinding protection): add it to ALLOWED_HOSTS',
      );
      expect(r.headers["content-security-policy"], path).toBeDefined();
    }
  });

  it("ALLOWED_HOSTS replaces the default list; * accepts any host", async () => {
    const named = await startTestApi(driver, { allowedHosts: ["graph.example.org"] });
    const any = await startTestApi(driver, { allowedHosts: ["*"] });
    try {
      const at = (server: RunningApi, host: string) =>
        new Promise<number>((resolve, reject) => {
          const u = new URL(server.url);
          request({ host: u.hostname, port: u.port, path: "/health", headers: { host } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
            .on("error", reject)
            .end();
        });
      expect(await at(named, "graph.example.org")).toBe(200);
      expect(await at(named, "127.0.0.1")).toBe(421);
      expect(await at(any, "anything.example")).toBe(200);
    } finally {
      await named.close();
      await any.close();
    }
  });
});

describe("request bodies over the cap", () => {
  it("a declared Content-Length over 3 MB is 413 at once, and the connection is closed", async () => {
    const r = await raw("POST", "/graphql", { "content-type": "application/json", "content-length": MAX_BODY_BYTES + 1 });
    expect(r.status).toBe(413);
    expect(r.headers.connection).toBe("close");
    expect(JSON.parse(r.body).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    expect(r.ms).toBeLessThan(1000);
  });

  it("a streamed body that grows past 3 MB is 413, promptly; the next request on a new connection works", async () => {
    const { Agent } = await import("node:http");
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const before = await raw("GET", "/health", {}, undefined, { agent });
      expect(before.status).toBe(200);
      const body = Buffer.alloc(MAX_BODY_BYTES + 512 * 1024, "a");
      // chunked: the server cannot know the size in advance and finds out while reading.
      const big = await raw("POST", "/graphql", { "content-type": "application/json", "transfer-encoding": "chunked" }, body, {
        agent,
      }).catch((err: Error) => err);
      if (big instanceof Error) {
        // The server may close before the client finished sending: then the client sees a reset,
        // never a hang.
        expect(big.message).toMatch(/ECONNRESET|EPIPE|socket hang up/);
      } else {
        expect(big.status).toBe(413);
        expect(big.headers.connection).toBe("close");
        expect(big.ms).toBeLessThan(2000);
      }
      const started = performance.now();
      const after = await raw("GET", "/health", {}, undefined, { agent });
      expect(after.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(2000);
    } finally {
      agent.destroy();
    }
  });

  it("a body just under the cap is read and answered", async () => {
    const padding = " ".repeat(MAX_BODY_BYTES - 200);
    const r = await raw("POST", "/graphql", { "content-type": "application/json" }, `{"query":"{ __typename }"${padding}}`);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ data: { __typename: "Query" } });
  });
});

describe("deeply nested input", () => {
  /** A CompanyWhere of `depth` nested ORs, as JSON text (JSON.stringify itself would overflow). */
  const nested = (depth: number) => `${'{"OR":['.repeat(depth)}{"id":{"eq":"catl"}}${"]}".repeat(depth)}`;
  const post = (w: string) =>
    raw(
      "POST",
      "/graphql",
      { "content-type": "application/json" },
      `{"query":"query ($w: CompanyWhere) { companies(where: $w) { id } }","variables":{"w":${w}}}`,
    );
  it("a filter nested 3,000 deep in the variables is 400 BAD_USER_INPUT, before anything walks it", async () => {
    const r = await post(nested(3000));
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({
      errors: [{ message: "variables nested deeper than 64 levels", extensions: { code: "BAD_USER_INPUT" } }],
    });
  });

  it("the same over GET (100 deep: a URL is capped at 16 KB) is refused the same way", async () => {
    const query = encodeURIComponent("query ($w: CompanyWhere) { companies(where: $w) { id } }");
    const r = await raw("GET", `/graphql?query=${query}&variables=${encodeURIComponent(`{"w":${nested(100)}}`)}`);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("a filter nested 3,000 deep in the query text is refused by the token limit (400)", async () => {
    const where = `${"{ OR: [".repeat(3000)}{ id: { eq: "catl" } }${"] }".repeat(3000)}`;
    const r = await gql(api, `{ companies(where: ${where}) { id } }`);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.message).toMatch(/^Token limit of 2000 exceeded/);
  });

  /** An OR of `n` conditions, as JSON text. */
  const wide = (n: number) => `{"OR":[${Array.from({ length: n }, (_, i) => `{"id":{"eq":"c${i}"}}`).join(",")}]}`;

  it("an OR of 20,000 conditions in the variables is 400 BAD_USER_INPUT, and Neo4j stays free for others", async () => {
    // Before the bound this request held the query planner for minutes (2,000 conditions: 13 s).
    const started = Date.now();
    const [abusive, other] = await Promise.all([post(wide(20_000)), gql(api, `{ companies(where: { id: { eq: "catl" } }) { id } }`)]);
    expect(abusive.status).toBe(400);
    expect(JSON.parse(abusive.body).errors[0]).toEqual({
      message: "a list in variables holds 20000 items (at most 1000)",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(other.data).toEqual({ companies: [{ id: "catl" }] });
    // Generous: the point is seconds, not minutes.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("an OR of 600 conditions (under the list bound) is refused by the count of conditions", async () => {
    const r = await post(wide(600));
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).errors[0].message).toMatch(/^variables hold more than 500 objects and lists/);
  });

  it("an OR of 50 conditions still runs", async () => {
    const r = await post(wide(50).replace('"c7"', '"catl"'));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ data: { companies: [{ id: "catl" }] } });
  });

  it("a filter nested 20 deep still runs", async () => {
    const r = await post(nested(20));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ data: { companies: [{ id: "catl" }] } });
  });
});

describe("arguments no answer can honour", () => {
  it("a negative page size is 400 BAD_USER_INPUT naming the argument, as a literal or a variable", async () => {
    const literal = await gql(api, "{ companies(limit: -1) { id } }");
    expect(literal.status).toBe(400);
    expect(literal.errors?.[0]?.message).toBe("limit must not be negative (got -1)");
    expect(literal.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const variable = await gql(api, "query ($n: Int) { companiesConnection(first: $n) { totalCount } }", { n: -1 });
    expect(variable.status).toBe(400);
    expect(variable.errors?.[0]?.message).toBe("first must not be negative (got -1)");
  });

  it("a cursor the API never issued is 400, not silently the first page; an issued one pages on", async () => {
    const garbage = await gql(api, '{ companiesConnection(first: 2, after: "garbage") { edges { node { id } } } }');
    expect(garbage.status).toBe(400);
    expect(garbage.errors?.[0]?.message).toMatch(/^after is not a cursor this API issued/);
    const first = await gql<{ companiesConnection: { pageInfo: { endCursor: string }; edges: Array<{ node: { id: string } }> } }>(
      api,
      "{ companiesConnection(first: 2, sort: [{ id: ASC }]) { pageInfo { endCursor } edges { node { id } } } }",
    );
    const cursor = first.data?.companiesConnection.pageInfo.endCursor as string;
    const next = await gql<{ companiesConnection: { edges: Array<{ node: { id: string } }> } }>(
      api,
      "query ($after: String) { companiesConnection(first: 2, after: $after, sort: [{ id: ASC }]) { edges { node { id } } } }",
      { after: cursor },
    );
    expect(next.status).toBe(200);
    const ids = (r: typeof next | typeof first) => r.data?.companiesConnection.edges.map((e) => e.node.id) ?? [];
    expect(ids(next)).toHaveLength(2);
    expect(ids(next).some((id) => ids(first).includes(id))).toBe(false);
  });
});

describe("the explorer's files", () => {
  it("are sent compressed when the client accepts it, with an ETag, and a repeat visit is 304 Not Modified", async () => {
    const bundle = "app.js";
    const brotli = await raw("GET", `/assets/${bundle}`, { "accept-encoding": "gzip, deflate, br" });
    expect(brotli.headers["content-encoding"]).toBe("br");
    const first = await raw("GET", `/assets/${bundle}`, { "accept-encoding": "gzip" });
    expect(first.status).toBe(200);
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(first.headers.vary).toBe("accept-encoding");
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    const again = await raw("GET", `/assets/${bundle}`, { "accept-encoding": "gzip", "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe("");
    const plain = await raw("GET", `/assets/${bundle}`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(Number(plain.headers["content-length"])).toBeGreaterThan(1024);
  });
});
