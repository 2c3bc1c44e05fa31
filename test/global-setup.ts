import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { loadConfig } from "../src/config.js";
import { connect } from "../src/db/driver.js";
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from "../src/db/embedded/embedded-neo4j.js";
import { applySchema } from "../src/db/schema.js";
import { log } from "../src/log.js";
import { freePort } from "./support/free-port.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
  }
}

/**
 * Starts one real Neo4j for the whole run: the embedded one in a fresh temporary store, or the
 * server at NEO4J_URI when set (its database is wiped by the suites: never point it at real data).
 */
export default async function setup(project: TestProject) {
  const cfg = loadConfig();
  let embedded: EmbeddedNeo4j | undefined;
  let dataDir: string | undefined;
  let uri = cfg.NEO4J_URI;
  if (!uri) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "rig-test-"));
    embedded = await startEmbeddedNeo4j({
      dataDir,
      boltPort: await freePort(),
      launcherDir: path.join(cfg.projectRoot, "embedded"),
      java: cfg.JAVA,
      maven: cfg.MAVEN,
      heap: "1g",
      pagecache: "256m",
      startTimeoutMs: cfg.NEO4J_START_TIMEOUT_MS,
      log,
    });
    uri = embedded.uri;
  }
  const driver = await connect({ uri, user: cfg.NEO4J_USER, password: cfg.NEO4J_PASSWORD });
  await applySchema(driver, cfg.NEO4J_DATABASE, log);
  await driver.close();
  project.provide("neo4jUri", uri);
  project.provide("neo4jUser", cfg.NEO4J_USER);
  project.provide("neo4jPassword", cfg.NEO4J_PASSWORD);
  return async () => {
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
