import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { projectRoot } from "../src/config.js";

export interface ApiProcess {
  url: string;
  pid: number;
  /** Resident memory of the API process, from /proc. */
  rssMb(): number | undefined;
  stop(): Promise<void>;
}

/**
 * The product's own server (`npm start`'s entry point) in its own process, against the bench's
 * Neo4j: the API is measured as deployed, and the load generator does not share its event loop.
 */
export async function startApiProcess(neo4jUri: string, database: string): Promise<ApiProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/start.ts"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NEO4J_URI: neo4jUri,
      NEO4J_DATABASE: database,
      PORT: "0",
      LOG_LEVEL: "warn",
      REQUEST_TIMEOUT_MS: "60000",
      NEO4J_TX_TIMEOUT_MS: "60000",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await readyUrl(child);
  const pid = child.pid as number;
  return {
    url,
    pid,
    rssMb: () => {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      return kb ? Math.round(Number(kb) / 1024) : undefined;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * Waits for the start command's "Ready: explorer http://host:port/" line; if the process exits
 * first, the error holds what it printed and the last lines of `logTail` (its stderr).
 */
export function readyUrl(child: ChildProcess, logTail: string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Ready: explorer (http:\/\/\S+?)\/\s/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.once("exit", (code) =>
      reject(new Error(`the API process exited with code ${code} before it was ready:\n${out}\n${logTail.slice(-20).join("\n")}`)),
    );
  });
}
