import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApi } from "../src/api/app.js";
import { loadConfig } from "../src/config.js";
import { connect } from "../src/db/driver.js";
import { type EmbeddedNeo4j, type EmbeddedOptions, startEmbeddedNeo4j } from "../src/db/embedded/embedded-neo4j.js";
import { applySchema } from "../src/db/schema.js";
import { log } from "../src/log.js";
import { gql, startTestApi } from "./support/api.js";
import { testEmbeddedOptions } from "./support/embedded.js";
import { DATABASE } from "./support/neo4j.js";
import { alive, until } from "./support/process.js";

// Neo4j dying under a running API: requests and /health must fail fast with 503, and the API must
// serve again by itself once Neo4j is back. The suite starts a JVM of its own to kill.
const cfg = loadConfig();

describe.skipIf(Boolean(cfg.NEO4J_URI))("Neo4j going away under the API", () => {
  let dataDir: string;
  let options: EmbeddedOptions;
  let neo4j: EmbeddedNeo4j;
  let driver: Driver;
  let api: RunningApi;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "rig-outage-"));
    options = await testEmbeddedOptions(dataDir);
    neo4j = await startEmbeddedNeo4j(options);
    driver = await connect({ uri: neo4j.uri, user: "neo4j", password: "" });
    await applySchema(driver, DATABASE, log);
    // Short limits, so a stalled database shows within the test's patience.
    api = await startTestApi(driver, { txTimeoutMs: 2_000, deadlineMs: 5_000 });
  });

  afterAll(async () => {
    await api?.close();
    await driver?.close();
    await neo4j?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const health = async () => {
    const started = Date.now();
    const r = await fetch(`${api.url.replace(/\/graphql$/, "")}/health`);
    return { status: r.status, body: (await r.json()) as { neo4j: string }, ms: Date.now() - started };
  };
  const query = async () => {
    const started = Date.now();
    const r = await gql(api, "{ companies(limit: 1) { id } }");
    return { ...r, ms: Date.now() - started };
  };

  it("after kill -9 of the JVM, queries are HTTP 503 SERVICE_UNAVAILABLE and /health 503, both within seconds", async () => {
    expect((await query()).status).toBe(200);
    expect((await health()).status).toBe(200);
    neo4j.kill();
    await until("the JVM to die", 10_000, async () => (alive(neo4j.pid) ? undefined : true));

    const failed = await query();
    expect(failed.status).toBe(503);
    expect(failed.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    // The driver used to retry for 30 s and more; bounded generously against a slow machine.
    expect(failed.ms).toBeLessThan(5_000);

    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body.neo4j).toBe("down");
    expect(down.ms).toBeLessThan(3_000);
  });

  it("serves again by itself once Neo4j is back, without a restart of the API", async () => {
    neo4j = await startEmbeddedNeo4j(options);
    const back = await until("the API to answer again", 30_000, async () => {
      const r = await query();
      return r.status === 200 ? r : undefined;
    });
    expect(back.data).toEqual({ companies: [] });
    // After a crash Neo4j brings its indexes online again before /health says ready.
    const ready = await until("/health to say ready", 30_000, async () => {
      const h = await health();
      return h.status === 200 ? h : undefined;
    });
    expect(ready.body.neo4j).toBe("up");
  });

  it("while the JVM is paused (SIGSTOP) requests answer by the deadline and /health says 503 within 1 s; SIGCONT and it serves again", async () => {
    process.kill(neo4j.pid, "SIGSTOP");
    try {
      const stalled = await query();
      // 504 TIMEOUT at the request deadline (5 s here), or 503 if the driver gave up first.
      expect([503, 504]).toContain(stalled.status);
      expect(["TIMEOUT", "SERVICE_UNAVAILABLE"]).toContain(stalled.errors?.[0]?.extensions?.code);
      expect(stalled.ms).toBeLessThan(8_000);
      const down = await health();
      expect(down.status).toBe(503);
      expect(down.ms).toBeLessThan(3_000);
    } finally {
      process.kill(neo4j.pid, "SIGCONT");
    }
    const back = await until("the API to answer again", 30_000, async () => {
      const r = await query();
      return r.status === 200 ? r : undefined;
    });
    expect(back.data).toEqual({ companies: [] });
  });
});
