import type { Server } from "node:http";
import { ApolloServer } from "@apollo/server";
import type { Driver } from "neo4j-driver";
import type { Logger } from "../log.js";
import { type ApiContext, contextFactory } from "./context.js";
import { checkHealth } from "./health.js";
import { listen, type Route, sendJson } from "./http-server.js";
import { assertCompatibleServer, buildApiSchema } from "./schema.js";

export interface ApiOptions {
  driver: Driver;
  database: string;
  host: string;
  port: number;
  jwtSecret?: string;
  requestTimeoutMs: number;
  txTimeoutMs: number;
  development: boolean;
  log: Logger;
}

export interface RunningApi {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Builds the schema, checks the server is compatible, and serves /graphql and /health. */
export async function startApi(o: ApiOptions): Promise<RunningApi> {
  const { neoSchema, schema } = await buildApiSchema(o.driver, o.jwtSecret);
  await assertCompatibleServer(neoSchema, o.driver, o.database);
  const apollo = new ApolloServer<ApiContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: o.development,
  });
  await apollo.start();
  const health: Route = async (req, res, url) => {
    if (url.pathname !== "/health" || req.method !== "GET") return false;
    const h = await checkHealth(o.driver, o.database);
    sendJson(res, h.ok ? 200 : 503, h);
    return true;
  };
  const { server, url } = await listen(apollo, contextFactory(o.driver, o.database, o.txTimeoutMs), [health], {
    host: o.host,
    port: o.port,
    requestTimeoutMs: o.requestTimeoutMs,
    log: o.log,
  });
  o.log.info({ url: `${url}/graphql` }, "API listening");
  return {
    url,
    server,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await apollo.stop();
    },
  };
}
