import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { freePort } from "./support/free-port.js";
import { alive, spawnWatched, until } from "./support/process.js";

const cfg = loadConfig();

// `npm start` as a user runs it: a fresh DATA_DIR, the embedded Neo4j, the seed, the API, the explorer.
describe.skipIf(Boolean(cfg.NEO4J_URI))("the start command", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "rig-start-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("brings up Neo4j, the seeded graph, the API and the explorer, and SIGTERM stops it all", async () => {
    const port = await freePort();
    const { child, output, exited } = spawnWatched(process.execPath, ["--import", "tsx", "src/cli/start.ts"], {
      cwd: cfg.projectRoot,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        BOLT_PORT: String(await freePort()),
        LOG_LEVEL: "info",
        NEO4J_HEAP: "512m",
        NEO4J_PAGECACHE: "64m",
      },
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      const health = await until("health", 240_000, async () => {
        const res = await fetch(`${base}/health`);
        return res.status === 200 ? await res.json() : undefined;
      });
      expect(health).toEqual({ ok: true, neo4j: "up", schema: "ready" });
      const jvmPid = Number(/"uri":"bolt:[^"]+","pid":(\d+)/.exec(output())?.[1]);
      expect(alive(jvmPid)).toBe(true);

      const res = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ articles { id } }` }),
      });
      expect(((await res.json()) as { data: { articles: unknown[] } }).data.articles).toHaveLength(5);
      expect(await (await fetch(`${base}/`)).text()).toContain("/assets/app.js");
      expect((await fetch(`${base}/assets/app.js`)).status).toBe(200);
      // Before "Ready", every example query ran once, so the first analyst does not wait for Neo4j's planning.
      await until("Ready", 120_000, async () => (output().includes("Ready: explorer") ? true : undefined));
      const warmed = /"queries":(\d+),"answered":(\d+),"ms":\d+,"msg":"warmed up/.exec(output());
      const examples = (await readdir(path.join(cfg.projectRoot, "graphql", "examples"))).filter((f) => f.endsWith(".graphql"));
      expect(warmed?.slice(1, 3).map(Number)).toEqual([examples.length, examples.length]);
      expect(output().indexOf("warmed up")).toBeLessThan(output().indexOf("Ready: explorer"));

      child.kill("SIGTERM");
      expect((await exited).code).toBe(0);
      await until("the JVM to exit", 60_000, async () => (alive(jvmPid) ? undefined : true));
      // Stopped cleanly, or killed when a loaded machine makes the JVM miss the 2.5 s budget.
      expect(output()).toMatch(/embedded Neo4j stopped|killed the embedded Neo4j/);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
