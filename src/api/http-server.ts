import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApolloServer, HeaderMap } from "@apollo/server";
import type { Logger } from "../log.js";
import type { ApiContext } from "./context.js";

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
}

/** Node's HTTP server in front of Apollo: `/graphql` goes to Apollo, other paths to the routes in order. */
export async function listen(
  apollo: ApolloServer<ApiContext>,
  makeContext: (req: IncomingMessage) => Promise<ApiContext>,
  routes: Route[],
  o: HttpOptions,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const handle = url.pathname === "/graphql" ? serveGraphQL(apollo, makeContext, req, res, url) : serveRoutes(routes, req, res, url);
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
) {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  let body: unknown;
  try {
    body = await readJsonBody(req);
  } catch (err) {
    return sendJson(res, 400, { errors: [{ message: (err as Error).message, extensions: { code: "BAD_REQUEST" } }] });
  }
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
    context: () => makeContext(req),
  });
  for (const [key, value] of result.headers) res.setHeader(key, value);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === "complete") return void res.end(result.body.string);
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  if (req.method !== "POST") return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Error("request body is not valid JSON");
  }
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(value));
}
