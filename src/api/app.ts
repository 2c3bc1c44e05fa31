import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import type { Driver } from "neo4j-driver";
import { DEFAULT_TOKEN_RULES, type TokenRules } from "../auth/rules.js";
import { authenticator } from "../auth/verify.js";
import { projectRoot } from "../config.js";
import type { Logger } from "../log.js";
import { argumentChecks } from "./argument-checks.js";
import { type ApiContext, contextFactory } from "./context.js";
import { errorFormatter } from "./errors.js";
import { graphiqlRoute } from "./graphiql.js";
import { checkHealth } from "./health.js";
import { allowedHosts } from "./http-security.js";
import { listen, type Route, sendJson } from "./http-server.js";
import { queryProtection } from "./protection.js";
import { assertCompatibleServer, buildApiSchema } from "./schema.js";
import { unavailableStatus } from "./unavailable-status.js";

export interface ApiOptions {
  driver: Driver;
  database: string;
  host: string;
  port: number;
  jwtSecret?: string;
  /** Expiry, issuer and audience rules for bearer tokens; default: 24 h at most, any issuer and audience. */
  jwt?: TokenRules;
  requestTimeoutMs: number;
  txTimeoutMs: number;
  /** A GraphQL request unanswered by then gets HTTP 504 TIMEOUT; default: txTimeoutMs + 5 s. */
  requestDeadlineMs?: number;
  /** Origins whose browser pages may call /graphql (CORS_ORIGINS); default: none, same origin only. */
  corsOrigins?: string[];
  /** Host names the server answers to (ALLOWED_HOSTS); default: loopback names and `host`. */
  allowedHosts?: string[];
  development: boolean;
  log: Logger;
  /** Further routes (the explorer), tried after /health and /graphiql. */
  routes?: Route[];
  /** seed/, which the review API links drafted articles with; default: the repository's seed/. */
  seedDir?: string;
}

/** Without JWT_SECRET no token can be valid: writes are refused, reading works as ever. */
function signingKey(o: ApiOptions): string {
  if (o.jwtSecret) return o.jwtSecret;
  o.log.warn("JWT_SECRET is not set: every write will be refused (set it to allow editors to write)");
  return randomBytes(32).toString("hex");
}

export interface RunningApi {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Builds the schema, checks the server is compatible, and serves /graphql and /health. */
export async function startApi(o: ApiOptions): Promise<RunningApi> {
  const key = signingKey(o);
  const { neoSchema, schema } = await buildApiSchema(o.driver, key, {
    seedDir: o.seedDir ?? path.join(projectRoot, "seed"),
    log: o.log,
  });
  await assertCompatibleServer(neoSchema, o.driver, o.database);
  const protection = queryProtection<ApiContext>();
  const apollo = new ApolloServer<ApiContext>({
    schema,
    introspection: true,
    // start.ts stops the server on SIGINT/SIGTERM itself: Apollo's handler would re-raise the
    // signal after stopping and kill the process before the driver and Neo4j are closed.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: o.development,
    formatError: errorFormatter(o.log, o.development),
    validationRules: protection.validationRules,
    parseOptions: protection.parseOptions,
    plugins: [
      argumentChecks<ApiContext>(),
      ...protection.plugins,
      unavailableStatus<ApiContext>(),
      // Apollo's default cache-control plugin hooks every field resolution to compute HTTP cache
      // hints; the API sets none, so it is pure per-field overhead.
      ApolloServerPluginCacheControlDisabled(),
    ],
    allowBatchedHttpRequests: false,
    // Apollo pretty-prints responses by default (two-space indent): more bytes and time for
    // every client, which all parse JSON anyway.
    stringifyResult: (result) => JSON.stringify(result),
  });
  await apollo.start();
  const health: Route = async (req, res, url) => {
    if (url.pathname !== "/health" || req.method !== "GET") return false;
    const h = await checkHealth(o.driver, o.database);
    sendJson(res, h.ok ? 200 : 503, h);
    return true;
  };
  const { server, url } = await listen(
    apollo,
    contextFactory(o.driver, o.database, o.txTimeoutMs, authenticator(key, o.jwt ?? DEFAULT_TOKEN_RULES)),
    [health, graphiqlRoute, ...(o.routes ?? [])],
    {
      host: o.host,
      port: o.port,
      requestTimeoutMs: o.requestTimeoutMs,
      log: o.log,
      corsOrigins: o.corsOrigins ?? [],
      allowedHosts: allowedHosts(o.host, o.allowedHosts),
      deadlineMs: o.requestDeadlineMs ?? o.txTimeoutMs + 5_000,
    },
  );
  o.log.info({ url: `${url}/graphql` }, "API listening");
  return {
    url,
    server,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections close at once; requests still running get a second to finish.
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), 1_000);
      await closed;
      clearTimeout(cut);
      await apollo.stop();
    },
  };
}
