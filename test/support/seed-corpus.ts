import { cp, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../../src/config.js";

export const SEED_DIR = path.join(projectRoot, "seed");

/** A private copy of seed/ that a test may break. */
export async function copySeed(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "rig-seed-"));
  await cp(SEED_DIR, dir, { recursive: true });
  return dir;
}
