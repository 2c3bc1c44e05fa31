import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApolloServer, HeaderMap } from "@apollo/server";
import type { Logger } from "../log.js";
import type { ApiContext } from "./context.js";
import { cutEchoes } from "./errors.js";
import { corsFor, fromAnotherSite, hostAllowed, originAllowed, setSecurityHeaders } from "./http-security.js";
import { inputProblem } from "./input-limits.js";

/**
 * Request bodies are capped at 3 MB: enough for ingestArticle's article text of up to 1 MB (checked
 * by its resolver, with a clear BAD_USER_INPUT) once JSON escapes it; queries themselves are small
 * (graphql-armor caps their tokens).
 */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** A route answers a request it owns and returns true, or returns false to let the next one try. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface HttpOptions {
  host: string;
  port: number;
  requestTimeoutMs: number;
  log: Logger;
  /** Origins whose pages may call /graphql from the browser (CORS_ORIGINS). */
  corsOrigins: readonly string[];
  /** Host names the server answers to (ALLOWED_HOSTS, see allowedHosts()). */
  allowedHosts: readonly string[];
  /** A GraphQL request not answered by then gets 504 TIMEOUT (a stalled database must not hang clients). */
  deadlineMs: number;
}

/**
 * Node's HTTP server in front of Apollo: every response gets the security headers, a request for
 * a host name not in the allow-list is refused (421), `/graphql` goes to Apollo (with CORS), other
 * paths to the routes in order.
 */
export async function listen(
  apollo: ApolloServer<ApiContext>,
  makeContext: (req: IncomingMessage) => Promise<ApiContext>,
  routes: Route[],
  o: HttpOptions,
): Promise<{ server: Server; url: string }> {
  const cors = corsFor(o.corsOrigins);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    setSecurityHeaders(req, res);
    if (!hostAllowed(req, o.allowedHosts)) {
      const host = cutEchoes(JSON.stringify(req.headers.host ?? ""));
      return sendJson(res, 421, {
        error: `this server does not answer to the host name ${host} (DNS-rebinding protection): add it to ALLOWED_HOSTS`,
      });
    }
    const handle =
      url.pathname === "/graphql"
        ? cors(req, res)
          ? Promise.resolve()
          : serveGraphQL(apollo, makeContext, req, res, url, o)
        : serveRoutes(routes, req, res, url);
    handle.catch((err: Error) => {
      o.log.error({ err, path: url.pathname }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.end();
    });
  });
  server.requestTimeout = o.requestTimeoutMs;
  server.headersTimeout = Math.min(o.requestTimeoutMs, 60_000);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://${o.host}:${port}` };
}

async function serveRoutes(routes: Route[], req: IncomingMessage, res: ServerResponse, url: URL) {
  for (const route of routes) if (await route(req, res, url)) return;
  sendJson(res, 404, { error: `no such path: ${url.pathname}` });
}

async function serveGraphQL(
  apollo: ApolloServer<ApiContext>,
  makeContext: (req: IncomingMessage) => Promise<ApiContext>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  o: Pick<HttpOptions, "corsOrigins" | "deadlineMs">,
) {
  const corsOrigins = o.corsOrigins;
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  // Apollo's CSRF prevention refuses a GET without a header that forces a browser preflight. A GET
  // runs only queries (Apollo refuses mutations over GET) and the API has no ambient credentials
  // (no cookies: auth is a bearer token), so what the check still guards against is another site's
  // page timing queries against a local server through a visitor's browser. That is a browser
  // request from another site; any other GET (curl, scripts, our own pages, an allowed origin) is
  // let through, so GET queries work as documented. See README, "GET and CSRF".
  if (req.method === "GET" && (!fromAnotherSite(req) || originAllowed(req, corsOrigins))) {
    headers.set("apollo-require-preflight", "checked-by-server");
  }
  const declared = Number(req.headers["content-length"] ?? 0);
  if (req.method === "POST" && declared > MAX_BODY_BYTES) return refuseTooLarge(res);
  let body: unknown;
  try {
    const raw = await readBody(req);
    if (raw === "too large") return refuseTooLarge(res);
    body = parseJson(raw);
  } catch (err) {
    return sendJson(res, 400, { errors: [{ message: (err as Error).message, extensions: { code: "BAD_REQUEST" } }] });
  }
  const problem = inputProblem(req.method === "GET" ? fromSearch(url) : body);
  if (problem) return sendJson(res, 400, { errors: [{ message: problem, extensions: { code: "BAD_USER_INPUT" } }] });
  const result = await withDeadline(
    apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
      context: () => makeContext(req),
    }),
    o.deadlineMs,
  );
  if (result === "deadline") {
    return sendJson(res, 504, {
      errors: [
        {
          message: `no answer within ${o.deadlineMs} ms: the request was abandoned (Neo4j ends its transaction at NEO4J_TX_TIMEOUT_MS)`,
          extensions: { code: "TIMEOUT" },
        },
      ],
    });
  }
  for (const [key, value] of result.headers) res.setHeader(key, value);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === "complete") return void res.end(result.body.string);
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

/** The promise's value, or "deadline" when it takes longer than `ms` (its late result is dropped). */
async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | "deadline"> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"deadline">((resolve) => {
    timer = setTimeout(() => resolve("deadline"), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The request body, or "too large" as soon as it passes MAX_BODY_BYTES (the rest is not read).
 * Only POST has one.
 */
function readBody(req: IncomingMessage): Promise<Buffer | "too large" | undefined> {
  if (req.method !== "POST") return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      req.off("data", onData);
      req.pause();
      resolve("too large");
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

/** The JSON parameters of a GET request, as far as they parse (Apollo reports those that do not). */
function fromSearch(url: URL): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ["variables", "extensions"]) {
    const text = url.searchParams.get(key);
    if (text === null) continue;
    try {
      out[key] = JSON.parse(text);
    } catch {
      // Apollo answers it with a 400 of its own.
    }
  }
  return out;
}

function parseJson(raw: Buffer | undefined): unknown {
  const text = raw?.toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Error("request body is not valid JSON");
  }
}

/**
 * 413, and the connection closes after the answer: the unread rest of the body must not be taken
 * for the next request, and reading it all would let a client stream for as long as it likes.
 */
function refuseTooLarge(res: ServerResponse): void {
  res.setHeader("connection", "close");
  sendJson(res, 413, {
    errors: [{ message: `request body larger than ${MAX_BODY_BYTES} bytes`, extensions: { code: "PAYLOAD_TOO_LARGE" } }],
  });
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(value));
}
