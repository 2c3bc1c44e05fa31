import path from "node:path";
import { loadConfig } from "../../src/config.js";
import type { EmbeddedOptions } from "../../src/db/embedded/embedded-neo4j.js";
import { log } from "../../src/log.js";
import { freePort } from "./free-port.js";

/** Options for a small embedded Neo4j of a test's own (one to kill, pause or restart), on a free port. */
export async function testEmbeddedOptions(dataDir: string): Promise<EmbeddedOptions> {
  const cfg = loadConfig();
  return {
    dataDir,
    boltPort: await freePort(),
    launcherDir: path.join(cfg.projectRoot, "embedded"),
    java: cfg.JAVA,
    maven: cfg.MAVEN,
    heap: "512m",
    pagecache: "64m",
    startTimeoutMs: 180_000,
    log,
  };
}
