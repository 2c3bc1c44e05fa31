import path from "node:path";
import { z } from "zod";
import { parseDuration } from "./auth/rules.js";

/** Every setting comes from the environment; this schema is the single list of them (see README). */
const Env = z.object({
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USER: z.string().default("neo4j"),
  NEO4J_PASSWORD: z.string().default(""),
  NEO4J_DATABASE: z.string().default("neo4j"),
  DATA_DIR: z.string().default("./.data"),
  BOLT_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_PAGECACHE: z
    .string()
    .regex(/^\d+[kmg]?$/i)
    .default("512m"),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[kmg]?$/i)
    .default("1g"),
  NEO4J_START_TIMEOUT_MS: z.coerce.number().int().positive().default(180_000),
  NEO4J_TX_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** Embedded Neo4j liveness: probed this often; this many probes in a row unanswered within the timeout and the JVM is killed and restarted. */
  NEO4J_LIVENESS_INTERVAL_MS: z.coerce.number().int().positive().default(5_000),
  NEO4J_LIVENESS_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
  NEO4J_LIVENESS_FAILURES: z.coerce.number().int().positive().default(3),
  /** GraphQL operations run at once (the rest wait their turn); more only slows a saturated Neo4j down. */
  MAX_CONCURRENT_OPERATIONS: z.coerce.number().int().positive().default(8),
  /** How long an operation waits for its turn before it is refused with HTTP 503 SERVICE_UNAVAILABLE. */
  OPERATION_QUEUE_MS: z.coerce.number().int().nonnegative().default(2_000),
  IMPORT_TX_ROWS: z.coerce.number().int().positive().default(100_000),
  IMPORT_WRITERS: z.coerce.number().int().min(1).max(8).default(2),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  JAVA: z.string().default("java"),
  MAVEN: z.string().default("mvn"),
  JWT_SECRET: z.string().min(32, "JWT_SECRET must be at least 32 characters").optional(),
  /** The longest a bearer token may live (30m, 8h, 7d; seconds once parsed): longer ones are refused. */
  JWT_MAX_LIFETIME: z
    .string()
    .default("24h")
    .transform((s, ctx) => {
      const seconds = parseDuration(s);
      if (seconds === undefined) ctx.addIssue({ code: "custom", message: `"${s}" is not a duration like 30m, 8h or 7d` });
      return seconds ?? 0;
    }),
  /** When set, tokens must carry this `iss` (and `npm run token` writes it). */
  JWT_ISSUER: z.string().optional(),
  /** When set, tokens must carry this `aud` (and `npm run token` writes it). */
  JWT_AUDIENCE: z.string().optional(),
  /** Console log format; unset: readable when standard error is a terminal, JSON lines otherwise (read by src/log.ts). */
  LOG_FORMAT: z.enum(["pretty", "json"]).optional(),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  /** Origins whose browser pages may call /graphql (CORS), comma-separated; empty: same origin only. */
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((s, ctx) => {
      const origins = commaList(s).map((o) => o.replace(/\/$/, ""));
      for (const o of origins) {
        if (!isOrigin(o)) ctx.addIssue({ code: "custom", message: `"${o}" is not an origin like https://app.example.org` });
      }
      return origins;
    }),
  /** Host names the server answers to (DNS-rebinding protection), comma-separated; `*` for any. Unset: loopback names and HOST. */
  ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((s) => (s === undefined || commaList(s).length === 0 ? undefined : commaList(s).map((h) => h.toLowerCase()))),
  SEED_DIR: z.string().default("seed"),
  NODE_ENV: z.string().default("production"),
});
export type Config = z.infer<typeof Env> & { projectRoot: string; dataDir: string; seedDir: string };

function commaList(s: string): string[] {
  return s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
}

/** scheme://host[:port] and nothing else, the form browsers send in the Origin header. */
function isOrigin(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && u.origin === s;
  } catch {
    return false;
  }
}

/** The repository root (this file lives in src/). */
export const projectRoot = path.resolve(import.meta.dirname, "..");

/** A setting the environment gets wrong: CLIs print the message alone (no stack trace). */
export class ConfigError extends Error {}

/** `NAME=` (empty or blank) counts as unset, as if the variable were not there. */
export function withoutEmpty(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid configuration in the environment:\n${lines.join("\n")}`);
  }
  return {
    ...parsed.data,
    projectRoot,
    dataDir: path.resolve(projectRoot, parsed.data.DATA_DIR),
    seedDir: path.resolve(projectRoot, parsed.data.SEED_DIR),
  };
}
