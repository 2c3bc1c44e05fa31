import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { freePort } from "./support/free-port.js";
import { spawnWatched, until } from "./support/process.js";

const run = promisify(execFile);
const cfg = loadConfig();

/** The Dockerfile's instructions this test replays: base image, user, COPY sources, RUN, ENV, CMD. */
interface ImageSteps {
  from: string;
  user?: string;
  copies: string[];
  runs: string[];
  env: Record<string, string>;
  cmd: string[];
}

function parseDockerfile(text: string): ImageSteps {
  const steps: ImageSteps = { from: "", copies: [], runs: [], env: {}, cmd: [] };
  for (const line of text.split("\n").map((l) => l.trim())) {
    const [instruction, ...rest] = line.split(/\s+/);
    const args = rest.filter((a) => !a.startsWith("--chown"));
    if (instruction === "FROM") steps.from = args[0] as string;
    if (instruction === "USER") steps.user = args[0];
    if (instruction === "COPY") steps.copies.push(...args.slice(0, -1));
    if (instruction === "RUN") steps.runs.push(args.join(" "));
    if (instruction === "ENV") for (const pair of args) steps.env[pair.split("=")[0] as string] = pair.split("=")[1] as string;
    if (instruction === "CMD") steps.cmd = JSON.parse(args.join(" "));
  }
  return steps;
}

// The image cannot be built here (no Docker engine); its steps are run the way the image runs
// them: a production install of the copied files, then its command with NEO4J_URI and no Java.
describe("the Docker image's steps", () => {
  let appDir: string;
  let steps: ImageSteps;
  beforeAll(async () => {
    steps = parseDockerfile(await readFile(path.join(cfg.projectRoot, "Dockerfile"), "utf8"));
    appDir = await mkdtemp(path.join(os.tmpdir(), "rig-image-"));
  });
  afterAll(async () => {
    await rm(appDir, { recursive: true, force: true });
  });

  it("uses a maintained Node LTS and an unprivileged user", () => {
    const major = Number(/^node:(\d+)/.exec(steps.from)?.[1]);
    expect(major).toBeGreaterThanOrEqual(22);
    expect(steps.user).toBe("node");
  });

  it("installs for production and starts against NEO4J_URI with no Java on the PATH", async () => {
    for (const source of steps.copies) await cp(path.join(cfg.projectRoot, source), path.join(appDir, source), { recursive: true });
    for (const command of steps.runs.filter((r) => r.startsWith("npm "))) {
      const [bin, ...args] = command.split(" ");
      await run(bin as string, args, { cwd: appDir, maxBuffer: 64 * 1024 * 1024 });
    }
    // A production install must leave out what only development needs.
    await expect(readFile(path.join(appDir, "node_modules/vitest/package.json"))).rejects.toThrow();

    const port = await freePort();
    const [bin, ...args] = steps.cmd;
    const { child, output } = spawnWatched(bin === "node" ? process.execPath : (bin as string), args, {
      cwd: appDir,
      env: {
        // Only Node's own folder on the PATH: no java, no mvn, as in the image.
        PATH: path.dirname(process.execPath),
        HOME: appDir,
        ...steps.env,
        HOST: "127.0.0.1",
        PORT: String(port),
        NEO4J_URI: inject("neo4jUri"),
        NEO4J_USER: inject("neo4jUser"),
        NEO4J_PASSWORD: inject("neo4jPassword"),
        JWT_SECRET: "a-test-secret-of-at-least-thirty-two-characters",
        LOG_FORMAT: "json",
      },
    });
    try {
      const health = await until("the image's API to be healthy", 180_000, async () => {
        if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${output()}`);
        const r = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
        return r?.status === 200 ? ((await r.json()) as { neo4j: string }) : undefined;
      });
      expect(health.neo4j).toBe("up");
      const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ regions(limit: 1) { id } }" }),
      });
      // Whatever the shared test database holds, the image's API answers from it.
      expect(r.status).toBe(200);
      expect(Array.isArray(((await r.json()) as { data: { regions: unknown[] } }).data.regions)).toBe(true);
    } finally {
      child.kill("SIGTERM");
      await until("the API to stop", 15_000, async () => (child.exitCode !== null ? true : undefined)).catch(() => child.kill("SIGKILL"));
    }
  }, 600_000);
});
