import path from "node:path";
import type { Driver } from "neo4j-driver";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { connect } from "./driver.js";
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from "./embedded/embedded-neo4j.js";
import { type EmbeddedSupervisor, superviseEmbedded } from "./embedded/supervisor.js";
import { applySchema } from "./schema.js";

export interface Neo4jRuntime {
  driver: Driver;
  uri: string;
  embedded?: EmbeddedNeo4j;
  /** The pid of the embedded JVM running now (a new one after each restart); undefined with NEO4J_URI. */
  embeddedPid(): number | undefined;
  /** Embedded JVMs started again after dying or hanging. */
  embeddedRestarts(): number;
  close(): Promise<void>;
  /** Last resort when closing takes too long: SIGKILL the embedded JVM (no-op with NEO4J_URI). */
  kill(): void;
}

/**
 * A Neo4j to work with, schema in place: the server at NEO4J_URI when set, otherwise an embedded
 * Neo4j started in a child JVM with its store under DATA_DIR.
 */
export async function openNeo4j(cfg: Config, log: Logger, signal?: AbortSignal): Promise<Neo4jRuntime> {
  let embedded: EmbeddedNeo4j | undefined;
  let supervisor: EmbeddedSupervisor | undefined;
  let uri = cfg.NEO4J_URI;
  if (!uri) {
    const options = {
      dataDir: cfg.dataDir,
      boltPort: cfg.BOLT_PORT,
      launcherDir: path.join(cfg.projectRoot, "embedded"),
      java: cfg.JAVA,
      maven: cfg.MAVEN,
      heap: cfg.NEO4J_HEAP,
      pagecache: cfg.NEO4J_PAGECACHE,
      startTimeoutMs: cfg.NEO4J_START_TIMEOUT_MS,
      log,
    };
    embedded = await startEmbeddedNeo4j({ ...options, signal });
    supervisor = superviseEmbedded(embedded, () => startEmbeddedNeo4j(options), log, {
      liveness: {
        intervalMs: cfg.NEO4J_LIVENESS_INTERVAL_MS,
        timeoutMs: cfg.NEO4J_LIVENESS_TIMEOUT_MS,
        failures: cfg.NEO4J_LIVENESS_FAILURES,
      },
    });
    uri = embedded.uri;
  } else {
    log.info({ uri }, "using the Neo4j server at NEO4J_URI");
  }
  try {
    const driver = await connect({ uri, user: cfg.NEO4J_USER, password: cfg.NEO4J_PASSWORD });
    await applySchema(driver, cfg.NEO4J_DATABASE, log);
    return {
      driver,
      uri,
      embedded,
      embeddedPid: () => supervisor?.current.pid,
      embeddedRestarts: () => supervisor?.restarts ?? 0,
      close: async () => {
        await driver.close();
        await supervisor?.stop();
      },
      kill: () => supervisor?.kill(),
    };
  } catch (err) {
    await supervisor?.stop();
    throw err;
  }
}
