import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { projectRoot } from "../config.js";
import type { Logger } from "../log.js";

/** The README's example queries: together they touch every analyst query and the generated API. */
const EXAMPLES = path.join(projectRoot, "graphql", "examples");

/**
 * Runs every example query once against the API that just started, before it is announced ready:
 * Neo4j plans each analyst query the first time it sees it (1–4 s for some on a busy machine) and
 * reads its pages from disk, and graphql-js and @neo4j/graphql compile their first translations.
 * Without this the first analyst to open the explorer waits for all of it. An example that fails
 * (ids of the seed graph on another graph answer NOT_FOUND, still after planning) is no error.
 */
export async function warmUp(url: string, log: Logger, budgetMs = 30_000): Promise<void> {
  const t0 = performance.now();
  const files = (await readdir(EXAMPLES).catch(() => [])).filter((f) => f.endsWith(".graphql")).sort();
  let answered = 0;
  for (const file of files) {
    const left = budgetMs - (performance.now() - t0);
    if (left <= 0) break;
    const query = await readFile(path.join(EXAMPLES, file), "utf8");
    const ok = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(Math.ceil(left)),
    })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) answered++;
  }
  log.info({ queries: files.length, answered, ms: Math.round(performance.now() - t0) }, "warmed up: every example query planned once");
}
