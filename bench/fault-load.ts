/**
 * Faults under load, shared by test/faults-under-load.test.ts and the soak (bench/soak.ts): the
 * product's own server (`npm start`'s entry point, embedded Neo4j under its supervisor) in a child
 * process, many clients sending mixed analyst and generated-API reads, and the JVM killed (kill -9)
 * or paused (SIGSTOP) under them. Every answer is classified against the answer before any fault.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { projectRoot } from "../src/config.js";
import { boltAnswers } from "../src/db/embedded/liveness.js";
import { readyUrl } from "./api-process.js";
import { queryCases } from "./query-cases.js";

export interface ProductServer {
  url: string;
  pid: number;
  boltPort: number;
  /** The embedded JVM running now under the server (a new pid after each restart). */
  jvmPid(): number | undefined;
  /** The server's log (JSON lines on stderr), the last 2,000 lines. */
  logTail(): string[];
  stop(): Promise<void>;
}

/** `node src/cli/start.ts` with its own store and Bolt port; resolves once it prints Ready. */
export async function startProductServer(o: { dataDir: string; boltPort: number; env?: Record<string, string> }): Promise<ProductServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: o.dataDir,
    BOLT_PORT: String(o.boltPort),
    PORT: "0",
    LOG_LEVEL: "warn",
    LOG_FORMAT: "json",
    ...o.env,
  };
  delete env.NEO4J_URI;
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/start.ts"], {
    cwd: projectRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tail: string[] = [];
  let partial = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    tail.push(...lines);
    if (tail.length > 2_000) tail.splice(0, tail.length - 2_000);
  });
  const url = await readyUrl(child, tail);
  const pid = child.pid as number;
  return {
    url,
    pid,
    boltPort: o.boltPort,
    jvmPid: () => childPids(pid).find((p) => cmdline(p).includes("graph.embedded.EmbeddedNeo4j")),
    logTail: () => [...tail],
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

/** Resident memory of a process in MB, from /proc; undefined once it is gone. */
export function rssMbOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

export interface LoadCase {
  name: string;
  body: string;
}

/** The bench's analyst and generated-API cases (bench/query-cases.ts), as request bodies. */
export function mixedCases(ids: Parameters<typeof queryCases>[0]): LoadCase[] {
  return queryCases(ids).map((c) => ({ name: c.name, body: JSON.stringify(c.graphql) }));
}

interface Answer {
  status: number;
  json?: { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
}

/** One POST /graphql on the client's own kept-alive socket; rejects after `hungMs` (a hung request). */
function post(url: URL, agent: http.Agent, body: string, hungMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
          } catch {
            resolve({ status: res.statusCode ?? 0 });
          }
        });
      },
    );
    req.setTimeout(hungMs, () => req.destroy(new HungError()));
    req.on("error", reject);
    req.end(body);
  });
}

class HungError extends Error {}

/** Arrays sorted by their JSON, recursively: an answer's content, whatever order equal rows come in. */
function canonical(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(norm).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    if (x && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, norm(y)]));
    return x;
  };
  return JSON.stringify(norm(v));
}

/** What one request came to. */
export type Outcome =
  | "ok" // 200, the answer before any fault
  | "wrong" // 200 with another answer, or with errors
  | "unavailable" // 503 SERVICE_UNAVAILABLE within the fast bound
  | "busy" // 503 SERVICE_UNAVAILABLE later, within the request deadline (waited for a connection to a saturated Neo4j)
  | "timeout" // TIMEOUT (504 at the request deadline, 200 at the transaction timeout) within the deadline
  | "slow-failure" // 503/504 later than its bound
  | "other-error" // any other status or code
  | "hung" // no answer within the hung bound
  | "network"; // connection refused or reset

export interface Sample {
  at: number;
  ms: number;
  case: string;
  outcome: Outcome;
  /** `status code`, e.g. `503 SERVICE_UNAVAILABLE`. */
  code: string;
}

export interface LoadOptions {
  clients: number;
  /** A 503 SERVICE_UNAVAILABLE slower than this is a slow failure. */
  fastFailMs: number;
  /** The server's request deadline: a 504 TIMEOUT later than this (plus 1 s of slack) is a slow failure. */
  deadlineMs: number;
  /** No answer within this: hung. */
  hungMs: number;
  /** A client waits this long after a failed request before its next one, as a polite client does. */
  backoffMs: number;
}

/** Answers of every case, sent one after another twice; refuses to start from a failing or unstable baseline. */
export async function baselineAnswers(apiUrl: string, cases: LoadCase[]): Promise<Map<string, string>> {
  const url = new URL("/graphql", apiUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const answers = new Map<string, string>();
  try {
    // A warm-up pass first: a cold JVM plans each query once, which may exceed a short transaction timeout.
    for (const c of cases) await post(url, agent, c.body, 60_000).catch(() => undefined);
    for (let pass = 0; pass < 2; pass++) {
      for (const c of cases) {
        const a = await post(url, agent, c.body, 60_000);
        if (a.status !== 200 || a.json?.errors) throw new Error(`baseline ${c.name}: HTTP ${a.status} ${JSON.stringify(a.json?.errors)}`);
        const got = canonical(a.json?.data);
        if (pass === 1 && answers.get(c.name) !== got) throw new Error(`baseline ${c.name}: two passes answered differently`);
        answers.set(c.name, got);
      }
    }
  } finally {
    agent.destroy();
  }
  return answers;
}

/** `clients` loops sending the cases round-robin (each client from its own offset) until stopped. */
export class LoadRun {
  readonly samples: Sample[] = [];
  private running = true;
  private readonly loops: Promise<void>[] = [];
  private readonly agents: http.Agent[] = [];
  readonly startedAt = performance.now();

  constructor(
    apiUrl: string,
    private readonly cases: LoadCase[],
    private readonly baseline: Map<string, string>,
    private readonly o: LoadOptions,
  ) {
    const url = new URL("/graphql", apiUrl);
    for (let i = 0; i < o.clients; i++) {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      this.agents.push(agent);
      this.loops.push(this.client(url, agent, i));
    }
  }

  private async client(url: URL, agent: http.Agent, offset: number): Promise<void> {
    for (let n = offset; this.running; n++) {
      const c = this.cases[n % this.cases.length] as LoadCase;
      const t = performance.now();
      let sample: Sample;
      try {
        const a = await post(url, agent, c.body, this.o.hungMs);
        const ms = performance.now() - t;
        sample = { at: t, ms, case: c.name, ...this.classify(c, a, ms) };
      } catch (err) {
        const ms = performance.now() - t;
        sample =
          err instanceof HungError
            ? { at: t, ms, case: c.name, outcome: "hung", code: "no answer" }
            : { at: t, ms, case: c.name, outcome: "network", code: (err as NodeJS.ErrnoException).code ?? "network" };
      }
      this.samples.push(sample);
      if (sample.outcome !== "ok") await new Promise((r) => setTimeout(r, this.o.backoffMs));
    }
  }

  private classify(c: LoadCase, a: Answer, ms: number): Pick<Sample, "outcome" | "code"> {
    const code = a.json?.errors?.[0]?.extensions?.code;
    const label = `${a.status}${code ? ` ${code}` : ""}`;
    // The transaction timeout answers 200 with TIMEOUT (the request deadline 504): a clear failure, not an answer.
    if ((a.status === 504 || a.status === 200) && code === "TIMEOUT") {
      return { outcome: ms <= this.o.deadlineMs + 1_000 ? "timeout" : "slow-failure", code: label };
    }
    if (a.status === 200) {
      return { outcome: !a.json?.errors && canonical(a.json?.data) === this.baseline.get(c.name) ? "ok" : "wrong", code: label };
    }
    if (a.status === 503 && code === "SERVICE_UNAVAILABLE")
      return { outcome: ms <= this.o.fastFailMs ? "unavailable" : ms <= this.o.deadlineMs + 1_000 ? "busy" : "slow-failure", code: label };
    return { outcome: "other-error", code: label };
  }

  /** Samples taken since `since` (performance.now() time). */
  since(since: number): Sample[] {
    return this.samples.filter((s) => s.at >= since);
  }

  async stop(): Promise<Sample[]> {
    this.running = false;
    await Promise.all(this.loops);
    for (const a of this.agents) a.destroy();
    return this.samples;
  }
}

export type FaultKind = "kill-9" | "pause" | "hang";

export interface FaultResult {
  kind: FaultKind;
  /** performance.now() when the fault was injected. */
  at: number;
  /** From the fault to Neo4j answering Bolt again (a new JVM after kill-9 and hang). */
  neo4jBackMs?: number;
  /** From Neo4j answering again to the API's first correct answer begun after it. */
  serviceBackMs?: number;
  oldPid: number;
  newPid?: number;
}

/**
 * Injects one fault into the server's JVM and waits until the API answers correctly again:
 * `kill-9` SIGKILLs it; `pause` SIGSTOPs it for `pauseMs` and then SIGCONTs it; `hang` SIGSTOPs
 * it and never resumes it (the supervisor's liveness probe must kill and restart it).
 */
export async function injectFault(
  server: ProductServer,
  load: LoadRun,
  kind: FaultKind,
  o: { pauseMs?: number; giveUpMs?: number; progress?: (line: string) => void } = {},
): Promise<FaultResult> {
  const say = o.progress ?? (() => undefined);
  const oldPid = server.jvmPid();
  if (oldPid === undefined) throw new Error("no embedded JVM under the server");
  const giveUp = o.giveUpMs ?? 120_000;
  const at = performance.now();
  const result: FaultResult = { kind, at, oldPid };
  if (kind === "kill-9") process.kill(oldPid, "SIGKILL");
  else process.kill(oldPid, "SIGSTOP");
  say(`${kind}: JVM pid ${oldPid}`);
  if (kind === "pause") {
    await new Promise((r) => setTimeout(r, o.pauseMs ?? 5_000));
    try {
      process.kill(oldPid, "SIGCONT");
    } catch {
      say(`${kind}: the JVM was gone before SIGCONT (the liveness probe killed it)`);
    }
  }
  // Neo4j back: a JVM (the same one after a pause, a new one otherwise) answers a Bolt handshake.
  let backAt: number | undefined;
  while (performance.now() - at < giveUp) {
    const pid = server.jvmPid();
    const fresh = kind === "pause" ? pid === oldPid : pid !== undefined && pid !== oldPid;
    if (fresh && (await boltAnswers(server.boltPort, 1_000))) {
      backAt = performance.now();
      result.newPid = pid;
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (backAt === undefined) {
    say(`${kind}: Neo4j not back within ${giveUp} ms`);
    return result;
  }
  result.neo4jBackMs = backAt - at;
  say(`${kind}: Neo4j (pid ${result.newPid}) answers again ${Math.round(result.neo4jBackMs)} ms after the fault`);
  while (performance.now() - backAt < giveUp) {
    const ok = load.since(backAt).find((s) => s.outcome === "ok");
    if (ok) {
      result.serviceBackMs = Math.max(0, ok.at + ok.ms - backAt);
      say(`${kind}: the API answers correctly again ${Math.round(result.serviceBackMs)} ms after that`);
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return result;
}

/** Counts per outcome and per `status code`, and latency percentiles (ms) over the samples. */
export function summarizeSamples(samples: Sample[]) {
  const outcomes: Record<string, number> = {};
  const codes: Record<string, number> = {};
  for (const s of samples) {
    outcomes[s.outcome] = (outcomes[s.outcome] ?? 0) + 1;
    codes[s.code] = (codes[s.code] ?? 0) + 1;
  }
  const pct = (xs: number[], q: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number) : Number.NaN;
  };
  const all = samples.map((s) => s.ms);
  const ok = samples.filter((s) => s.outcome === "ok").map((s) => s.ms);
  const failed = samples.filter((s) => s.outcome !== "ok").map((s) => s.ms);
  return {
    requests: samples.length,
    outcomes,
    codes,
    ms: { p50: pct(all, 0.5), p99: pct(all, 0.99), max: pct(all, 1) },
    okMs: { p50: pct(ok, 0.5), p99: pct(ok, 0.99) },
    failedMs: { p50: pct(failed, 0.5), p99: pct(failed, 0.99), max: pct(failed, 1) },
  };
}
