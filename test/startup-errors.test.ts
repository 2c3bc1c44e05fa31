import { chmod, cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { startEmbeddedNeo4j } from "../src/db/embedded/embedded-neo4j.js";
import { ensureLauncher } from "../src/db/embedded/launcher-build.js";
import { checkJava, checkMaven, parseJavaMajor } from "../src/db/embedded/requirements.js";
import { log } from "../src/log.js";
import { freePort } from "./support/free-port.js";

const cfg = loadConfig();
const ALTERNATIVES = /docker compose up[\s\S]*NEO4J_URI/;
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "rig-errors-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function script(name: string, body: string): Promise<string> {
  const file = path.join(tmp, name);
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

describe("parseJavaMajor", () => {
  it("reads modern and legacy version strings", () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_382"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor("no version here")).toBeUndefined();
  });
});

describe("clear start-up errors", () => {
  it("Java missing", () => {
    expect(() => checkJava(path.join(tmp, "no-such-java"))).toThrow(/Java was not found[\s\S]*Java 17\+/);
    expect(() => checkJava(path.join(tmp, "no-such-java"))).toThrow(ALTERNATIVES);
  });

  it("Java older than 17", async () => {
    const oldJava = await script("java11", `echo 'openjdk version "11.0.2" 2019-01-15' >&2`);
    expect(() => checkJava(oldJava)).toThrow(/Java 11 found[\s\S]*needs Java 17 or newer/);
  });

  it("accepts the machine's Java", () => {
    expect(checkJava(cfg.JAVA)).toBeGreaterThanOrEqual(17);
  });

  it("Maven missing", () => {
    expect(() => checkMaven(path.join(tmp, "no-such-mvn"))).toThrow(/Maven was not found[\s\S]*apt-get install maven/);
  });

  it("Bolt port in use", async () => {
    const port = await freePort();
    const blocker: Server = createServer().listen(port, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    try {
      const attempt = startEmbeddedNeo4j({
        dataDir: path.join(tmp, "data"),
        boltPort: port,
        launcherDir: path.join(cfg.projectRoot, "embedded"),
        java: cfg.JAVA,
        maven: cfg.MAVEN,
        heap: "256m",
        pagecache: "16m",
        startTimeoutMs: 10_000,
        log,
      });
      await expect(attempt).rejects.toMatchObject({ code: "PORT_IN_USE" });
      await expect(attempt).rejects.toThrow(new RegExp(`Port ${port}[\\s\\S]*BOLT_PORT`));
    } finally {
      blocker.close();
    }
  });

  it("Maven Central unreachable", async () => {
    // A copy of the launcher project, and a Maven whose only repository refuses connections.
    const launcher = path.join(tmp, "launcher");
    await cp(path.join(cfg.projectRoot, "embedded", "pom.xml"), path.join(launcher, "pom.xml"));
    await cp(path.join(cfg.projectRoot, "embedded", "src"), path.join(launcher, "src"), { recursive: true });
    const settings = path.join(tmp, "settings.xml");
    await writeFile(
      settings,
      `<settings><mirrors><mirror><id>down</id><mirrorOf>*</mirrorOf><url>http://127.0.0.1:9/maven2</url></mirror></mirrors></settings>`,
    );
    const offlineMaven = await script(
      "mvn-offline",
      `exec ${cfg.MAVEN} -s ${settings} -Dmaven.repo.local=${path.join(tmp, "empty-repo")} "$@"`,
    );
    const attempt = ensureLauncher(launcher, offlineMaven, log);
    await expect(attempt).rejects.toMatchObject({ code: "MAVEN_CENTRAL_UNREACHABLE" });
    await expect(attempt).rejects.toThrow(ALTERNATIVES);
  });
});

describe("first start", () => {
  it("logs Maven's download progress with the totals to expect", async () => {
    // A launcher project as after a build, and a Maven that prints what a first download prints.
    const launcher = path.join(tmp, "launcher-progress");
    await cp(path.join(cfg.projectRoot, "embedded", "pom.xml"), path.join(launcher, "pom.xml"));
    await cp(path.join(cfg.projectRoot, "embedded", "src"), path.join(launcher, "src"), { recursive: true });
    await mkdir(path.join(launcher, "target"), { recursive: true });
    await writeFile(path.join(launcher, "target", "classpath.txt"), "/nowhere/neo4j.jar\n");
    const url = "https://repo.maven.apache.org/maven2/org/neo4j";
    const fakeMaven = await script(
      "mvn-downloading",
      [
        `echo "[INFO] Downloading from central: ${url}/neo4j/5.26.19/neo4j-5.26.19.pom"`,
        `echo "[INFO] Downloaded from central: ${url}/neo4j/5.26.19/neo4j-5.26.19.pom (12 kB at 90 kB/s)"`,
        `echo "[INFO] Downloaded from central: ${url}/neo4j-kernel/5.26.19/neo4j-kernel-5.26.19.jar (3.5 MB at 9.1 MB/s)"`,
        `echo "[INFO] Downloaded from central: ${url}/neo4j-cypher/5.26.19/neo4j-cypher-5.26.19.jar (1.6 MB at 8.0 MB/s)"`,
      ].join("\n"),
    );
    const lines: Array<Record<string, unknown>> = [];
    const capture = pino({ level: "info" }, { write: (l: string) => void lines.push(JSON.parse(l)) });
    const built = await ensureLauncher(launcher, fakeMaven, capture);
    expect(built.classpath).toContain("/nowhere/neo4j.jar");
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: expect.stringMatching(/first start: downloading Neo4j .* \(2-4 minutes\)/),
        aboutFiles: 900,
        aboutMb: 147,
      }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ msg: "embedded Neo4j launcher built", downloadedFiles: 3, downloadedMb: 5 }));
  });
});
