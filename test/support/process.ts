import { type ChildProcess, spawn } from "node:child_process";
/** Whether a process with this pid exists (signal 0 tests without sending anything). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `probe` until it returns a value, or fails after `ms`. */
export async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A child process whose stdout and stderr are collected together, and its exit. */
export interface Watched {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; at: number }>;
}

/** Spawns `command` with stdout and stderr collected (stdin closed), as the product's CLIs are run in tests. */
export function spawnWatched(command: string, args: string[], o: { cwd: string; env: NodeJS.ProcessEnv }): Watched {
  const child = spawn(command, args, { cwd: o.cwd, env: o.env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const collect = (c: Buffer) => {
    out += c.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once("exit", (code) => resolve({ code, at: performance.now() })),
  );
  return { child, output: () => out, exited };
}
