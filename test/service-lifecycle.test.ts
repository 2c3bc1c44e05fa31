import { execFileSync, spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { decodeJwt, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { freePort } from "./support/free-port.js";
import { alive, spawnWatched, until, type Watched } from "./support/process.js";

// `npm start` as an operator runs it, in its own process: the port check before Neo4j starts, the
// bearer-token rules over real HTTP, and how Ctrl-C and SIGTERM stop the API, the driver and the JVM.

const cfg = loadConfig();
const SECRET = "lifecycle-test-secret-0123456789-abcdefgh";
const ISSUER = "rig-lifecycle-issuer";
const AUDIENCE = "rig-lifecycle-api";
const HAS_SCRIPT = spawnSync("script", ["--version"]).status === 0;
/** How long stopping may take, measured from the signal to the process's exit. */
const STOP_BOUND_MS = 3_000;

type Started = Watched;

/** src/cli/start.ts with the product's defaults (NODE_ENV production, as `npm start` has it), not vitest's. */
function start(env: Record<string, string>): Started {
  return spawnWatched(process.execPath, ["--import", "tsx", "src/cli/start.ts"], {
    cwd: cfg.projectRoot,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info", NEO4J_HEAP: "512m", NEO4J_PAGECACHE: "64m", ...env },
  });
}

/** Pids of processes whose command line mentions `text` (the JVM names its store folder). */
function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(text)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

async function gql(base: string, query: string, bearer?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as {
    data?: Record<string, any> | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  return { status: res.status, ...body };
}

/** A write through the review API (its resolver checks the token itself) and one through the generated API. */
const REVIEW_WRITE = `mutation { reviewFacts(articleId: "no-such-article", accept: [], reject: []) { accepted } }`;
const GENERATED_WRITE = `mutation { deleteCompanies(where: { id: { eq: "no-such-company" } }) { nodesDeleted } }`;
const READ = "{ articles { id } }";

/** Signs claims as an attacker or a careless client might: any algorithm, any claims. */
async function sign(claims: Record<string, unknown>, o: { alg?: string; secret?: string } = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: o.alg ?? "HS256", typ: "JWT" }).sign(new TextEncoder().encode(o.secret ?? SECRET));
}
const now = () => Math.floor(Date.now() / 1000);
const good = () => ({ sub: "test", roles: ["editor"], iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 600 });

/** Sends the signal, waits for the exit and checks the stop line, the exit code, the time and the JVM. */
async function stopWith(run: Started, signal: NodeJS.Signals, jvmPid: number): Promise<number> {
  const t0 = performance.now();
  run.child.kill(signal);
  const { code, at } = await run.exited;
  const ms = at - t0;
  expect(code).toBe(0);
  // Cleanly, or (on a machine too loaded for the JVM to finish within 2.5 s) with the JVM killed.
  expect(run.output()).toMatch(
    new RegExp(
      `Stopped the API(, the Neo4j driver and the embedded Neo4j| and the Neo4j driver, and killed the embedded Neo4j,) in \\d+ ms \\(${signal}\\)`,
    ),
  );
  expect(ms).toBeLessThan(STOP_BOUND_MS);
  // The product waits for the JVM before it exits (or kills it when the time is up).
  await until("the JVM to be gone", 2_000, async () => (alive(jvmPid) ? undefined : true));
  return ms;
}

describe("the token command", () => {
  const token = (env: Record<string, string>, args: string[] = []) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/cli/token.ts", ...args], {
      cwd: cfg.projectRoot,
      env: { ...process.env, ...env },
      encoding: "utf8",
    });

  it("without a secret (unset or empty) says so in one line, no stack trace, exit 1", () => {
    for (const r of [token({ JWT_SECRET: "" }), token({ JWT_SECRET: "  " })]) {
      expect(r.status).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^JWT_SECRET is not set/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("a wrong setting (LOG_LEVEL=verbose) is named without a stack trace, exit 1", () => {
    const r = token({ JWT_SECRET: SECRET, LOG_LEVEL: "verbose" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^invalid configuration in the environment:\n {2}LOG_LEVEL: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a lifetime past JWT_MAX_LIFETIME, and writes JWT_ISSUER and JWT_AUDIENCE into the token", () => {
    const long = token({ JWT_SECRET: SECRET, JWT_MAX_LIFETIME: "2h" }, ["--expires", "3h"]);
    expect(long.status).toBe(1);
    expect(long.stderr.trim()).toMatch(/^--expires 3h is longer than the server accepts \(JWT_MAX_LIFETIME 2h\)/);
    const r = token({ JWT_SECRET: SECRET, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE }, ["--expires", "30m"]);
    expect(r.status).toBe(0);
    const claims = decodeJwt(r.stdout.trim());
    expect(claims).toMatchObject({ iss: ISSUER, aud: AUDIENCE, roles: ["editor"] });
    expect((claims.exp as number) - (claims.iat as number)).toBe(1800);
  });
});

describe("the console log", () => {
  const logLine = `import("./src/log.ts").then(({ log }) => log.info({ port: 4000 }, "API listening"))`;

  it("is JSON lines when standard error is not a terminal", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "-e", logLine], {
      cwd: cfg.projectRoot,
      encoding: "utf8",
      env: { ...process.env, LOG_FORMAT: "", LOG_LEVEL: "info" },
    });
    expect(JSON.parse(r.stderr.trim())).toMatchObject({ level: 30, msg: "API listening", port: 4000 });
  });

  it.skipIf(!HAS_SCRIPT)("is readable lines on a terminal", () => {
    // script(1) runs the command on a pseudo-terminal.
    const out = execFileSync("script", ["-qec", `${process.execPath} --import tsx -e '${logLine}'`, "/dev/null"], {
      cwd: cfg.projectRoot,
      encoding: "utf8",
      env: { ...process.env, LOG_FORMAT: "", LOG_LEVEL: "info" },
    });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what a terminal gets
    const plain = out.replace(/\u001b\[\d+m/g, "");
    expect(plain).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}API listening {2}port=4000/m);
    expect(plain).not.toContain('"level"');
  });
});

describe.skipIf(Boolean(cfg.NEO4J_URI))("npm start as a service", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "rig-service-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("a busy API port fails at once, before Neo4j starts, in one line naming the port and PORT", async () => {
    const port = await freePort();
    const blocker: Server = createServer().listen(port, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    try {
      const t0 = performance.now();
      const run = start({ DATA_DIR: dataDir, PORT: String(port), BOLT_PORT: String(await freePort()) });
      const { code, at } = await run.exited;
      expect(code).not.toBe(0);
      // Node and tsx load in ~2-3 s; Neo4j would take 15 s or more.
      expect(at - t0).toBeLessThan(10_000);
      const lines = run.output().trim().split("\n");
      expect(lines).toEqual([
        `Port ${port} on 127.0.0.1 is already in use (another npm start?): stop what uses it or choose another port with PORT=${port + 1}.`,
      ]);
      expect(processesMentioning(dataDir)).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it("SIGTERM while Neo4j is starting stops the starting JVM too, exit code 0", async () => {
    const startingDir = await mkdtemp(path.join(os.tmpdir(), "rig-service-starting-"));
    try {
      const run = start({ DATA_DIR: startingDir, PORT: String(await freePort()), BOLT_PORT: String(await freePort()) });
      await until("the JVM to be starting", 60_000, async () => (run.output().includes("starting embedded Neo4j") ? true : undefined));
      await until("the JVM process", 10_000, async () => (processesMentioning(startingDir).length > 0 ? true : undefined));
      const t0 = performance.now();
      run.child.kill("SIGTERM");
      const { code, at } = await run.exited;
      expect(code).toBe(0);
      expect(at - t0).toBeLessThan(STOP_BOUND_MS);
      expect(run.output()).toMatch(/Stopped during start-up in \d+ ms \(SIGTERM\)/);
      expect(processesMentioning(startingDir)).toEqual([]);
    } finally {
      await rm(startingDir, { recursive: true, force: true });
    }
  });

  describe("first start: token rules over HTTP, then SIGTERM", () => {
    let run: Started;
    let base: string;
    let jvmPid: number;
    beforeAll(async () => {
      const port = await freePort();
      run = start({
        DATA_DIR: dataDir,
        PORT: String(port),
        BOLT_PORT: String(await freePort()),
        JWT_SECRET: SECRET,
        JWT_ISSUER: ISSUER,
        JWT_AUDIENCE: AUDIENCE,
        JWT_MAX_LIFETIME: "1h",
      });
      base = `http://127.0.0.1:${port}`;
      await until("health", 280_000, async () => ((await fetch(`${base}/health`)).status === 200 ? true : undefined));
      // The addresses are printed once the example queries have warmed the server up (after /health is 200).
      await until("Ready", 60_000, async () => (run.output().includes("Ready: explorer") ? true : undefined));
      jvmPid = Number(/"uri":"bolt:[^"]+","pid":(\d+)/.exec(run.output())?.[1]);
    }, 300_000);
    afterAll(() => {
      if (run.child.exitCode === null) run.child.kill("SIGKILL");
    });

    it("prints all four addresses, and its log is JSON lines when not on a terminal", () => {
      for (const p of ["/", "/graphql", "/graphiql", "/health"]) expect(run.output()).toContain(`${base}${p}\n`);
      const logLines = run
        .output()
        .split("\n")
        .filter((l) => l.startsWith("{"));
      expect(logLines.length).toBeGreaterThan(3);
      for (const l of logLines) expect(() => JSON.parse(l)).not.toThrow();
      expect(alive(jvmPid)).toBe(true);
    });

    it.each([
      ["without exp", async () => sign({ ...good(), exp: undefined }), /no exp claim/],
      [
        "expiring past JWT_MAX_LIFETIME (1h)",
        async () => sign({ ...good(), exp: now() + 2 * 3600 }),
        /lives longer than the server allows \(JWT_MAX_LIFETIME 1h\)/,
      ],
      ["issued in the future", async () => sign({ ...good(), iat: now() + 600, exp: now() + 900 }), /iat .* in the future/],
      ["signed with HS512", async () => sign(good(), { alg: "HS512" }), /must be signed with HS256/],
      ["from another issuer", async () => sign({ ...good(), iss: "someone-else" }), /issuer \(iss\)/],
      ["for another audience", async () => sign({ ...good(), aud: "another-api" }), /audience \(aud\)/],
      ["with roles as a string", async () => sign({ ...good(), roles: "editor" }), /roles must be a list of strings/],
      ["already expired", async () => sign({ ...good(), iat: now() - 600, exp: now() - 300 }), /has expired/],
      ["signed with another secret", async () => sign(good(), { secret: "another-secret-0123456789-0123456789-xx" }), /signature/],
    ])("an editor token %s is refused: 401 with the reason, for writes and reads", async (_case, make, reason) => {
      const bearer = await make();
      for (const query of [REVIEW_WRITE, GENERATED_WRITE, READ]) {
        const r = await gql(base, query, bearer);
        expect(r.status).toBe(401);
        expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
        expect(r.errors?.[0]?.message).toMatch(reason);
        expect(r.data ?? null).toBeNull();
      }
    });

    it("a good token, and one from `npm run token` with the same settings, are accepted", async () => {
      const minted = spawnSync(process.execPath, ["--import", "tsx", "src/cli/token.ts", "--expires", "10m"], {
        cwd: cfg.projectRoot,
        env: { ...process.env, JWT_SECRET: SECRET, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, JWT_MAX_LIFETIME: "1h" },
        encoding: "utf8",
      });
      expect(minted.status).toBe(0);
      for (const bearer of [await sign(good()), minted.stdout.trim()]) {
        const generated = await gql(base, GENERATED_WRITE, bearer);
        expect(generated.errors).toBeUndefined();
        expect(generated.data?.deleteCompanies.nodesDeleted).toBe(0);
        // Past the token check, the review API answers about the article instead.
        const review = await gql(base, REVIEW_WRITE, bearer);
        expect(["UNAUTHENTICATED", "FORBIDDEN"]).not.toContain(review.errors?.[0]?.extensions?.code);
      }
      // A reader's token is valid but may not write; without a token reading works, writing does not.
      const reader = await gql(base, REVIEW_WRITE, await sign({ ...good(), roles: ["reader"] }));
      expect(reader.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await gql(base, READ)).data?.articles).toHaveLength(5);
      expect((await gql(base, GENERATED_WRITE)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });

    it("a JVM killed under it (kill -9) is restarted by the product, and the API serves again without a restart", async () => {
      process.kill(jvmPid, "SIGKILL");
      await until("the JVM to die", 10_000, async () => (alive(jvmPid) ? undefined : true));
      const down = await fetch(`${base}/health`);
      expect(down.status).toBe(503);
      const restarted = await until("the JVM to be restarted", 120_000, async () => {
        const pid = Number(
          /"msg":"embedded Neo4j restarted"/.test(run.output()) &&
            /"pid":(\d+),"attempt":\d+,"msg":"embedded Neo4j restarted"/.exec(run.output())?.[1],
        );
        return pid > 0 ? pid : undefined;
      });
      expect(restarted).not.toBe(jvmPid);
      expect(alive(restarted)).toBe(true);
      await until("health", 60_000, async () => ((await fetch(`${base}/health`)).status === 200 ? true : undefined));
      expect((await gql(base, READ)).data?.articles).toHaveLength(5);
      expect(run.output()).toContain("embedded Neo4j exited unexpectedly: restarting it");
      // The SIGTERM test below stops the restarted JVM.
      jvmPid = restarted;
    });

    it("SIGTERM stops the API, the driver and the JVM within 3 s, exit code 0", async () => {
      const ms = await stopWith(run, "SIGTERM", jvmPid);
      console.log(`SIGTERM: stopped in ${Math.round(ms)} ms`);
      await expect(fetch(`${base}/health`)).rejects.toThrow();
    });
  });

  it("second start: empty variables count as unset, a readable console, and Ctrl-C (SIGINT) stops it within 3 s", async () => {
    const port = await freePort();
    const run = start({
      DATA_DIR: dataDir,
      PORT: String(port),
      BOLT_PORT: String(await freePort()),
      JWT_SECRET: "",
      LOG_LEVEL: "",
      JWT_MAX_LIFETIME: "",
      LOG_FORMAT: "pretty",
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await until("health", 200_000, async () => ((await fetch(`${base}/health`)).status === 200 ? true : undefined));
      const out = run.output();
      expect(out).toContain("JWT_SECRET is not set: every write will be refused");
      expect(out).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}embedded Neo4j is ready {2}uri=bolt:\/\/127\.0\.0\.1:\d+ pid=\d+$/m);
      expect(out).not.toContain('{"level"');
      // No secret: no token counts, whatever it is signed with.
      const r = await gql(
        base,
        GENERATED_WRITE,
        await sign({ ...good(), iss: undefined, aud: undefined }, { secret: "any-secret-0123456789-0123456789-012345" }),
      );
      expect(r.status).toBe(401);
      expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      const jvmPid = Number(/embedded Neo4j is ready {2}uri=\S+ pid=(\d+)/.exec(out)?.[1]);
      expect(alive(jvmPid)).toBe(true);
      const ms = await stopWith(run, "SIGINT", jvmPid);
      console.log(`SIGINT: stopped in ${Math.round(ms)} ms`);
    } finally {
      if (run.child.exitCode === null) run.child.kill("SIGKILL");
    }
  }, 240_000);

  it.skipIf(!HAS_SCRIPT)(
    "`npm start` in a terminal: a readable console, and Ctrl-C ends it with exit code 0 within 3 s",
    async () => {
      // script(1) gives `npm start` a terminal; the ^C written to it reaches npm, its shell, node and
      // the JVM as SIGINT, as a key press would. The shell npm runs (dash) reports a child that got
      // SIGINT as killed unless the script execs node: this checks the exit code a user sees.
      // script(1) itself runs its command with `$SHELL -c`; `exec` keeps that shell out of the way,
      // as a user's interactive shell is (dash, the default where SHELL is unset, would die of the
      // ^C itself and report 130 whatever npm does).
      const port = await freePort();
      const env = { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info", LOG_FORMAT: "", NEO4J_HEAP: "512m", NEO4J_PAGECACHE: "64m" };
      const child = spawn("script", ["-qec", "exec npm start", "/dev/null"], {
        cwd: cfg.projectRoot,
        env: { ...env, SHELL: "/bin/sh", DATA_DIR: dataDir, PORT: String(port), BOLT_PORT: String(await freePort()) },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let raw = "";
      child.stdout.on("data", (c: Buffer) => {
        raw += c.toString();
      });
      const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
        child.once("exit", (code) => resolve({ code, at: performance.now() })),
      );
      // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes and carriage returns of a terminal
      const text = () => raw.replace(/\u001b\[\d+m|\r/g, "");
      try {
        await until("the ready lines", 200_000, async () => (text().includes("Ctrl-C stops everything") ? true : undefined));
        expect(text()).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}API listening {2}url=http:\/\/127\.0\.0\.1:\d+\/graphql$/m);
        const jvmPid = Number(/embedded Neo4j is ready {2}uri=\S+ pid=(\d+)/.exec(text())?.[1]);
        expect(alive(jvmPid)).toBe(true);
        const t0 = performance.now();
        child.stdin.write("\u0003");
        const { code, at } = await exited;
        console.log(`Ctrl-C under npm start: exit ${code} after ${Math.round(at - t0)} ms`);
        expect(code).toBe(0);
        expect(at - t0).toBeLessThan(STOP_BOUND_MS);
        expect(text()).toMatch(
          /Stopped the API(, the Neo4j driver and the embedded Neo4j| and the Neo4j driver, and killed the embedded Neo4j,) in \d+ ms \(SIGINT\)/,
        );
        await until("the JVM to be gone", 2_000, async () => (alive(jvmPid) ? undefined : true));
      } finally {
        if (child.exitCode === null) child.kill("SIGKILL");
      }
    },
    240_000,
  );
});
