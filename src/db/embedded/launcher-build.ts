import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Logger } from "../../log.js";
import { StartupError } from "./startup-error.js";

export interface Launcher {
  /** Java classpath: compiled launcher plus Neo4j's jars in the local Maven repository. */
  classpath: string;
  /** Folder of plugin jars (APOC core) Neo4j loads procedures from. */
  pluginsDir: string;
}

const MAIN_SOURCE = "src/main/java/graph/embedded/EmbeddedNeo4j.java";

/**
 * Builds the Java launcher in `launcherDir` (embedded/) with Maven the first time, and whenever
 * its pom or source changes; otherwise reuses the build. Jars are cached in ~/.m2 by Maven.
 */
export async function ensureLauncher(launcherDir: string, maven: string, log: Logger, signal?: AbortSignal): Promise<Launcher> {
  const target = path.join(launcherDir, "target");
  const stampFile = path.join(target, "build.stamp");
  const stamp = await buildStamp(launcherDir);
  const fresh = existsSync(stampFile) && (await readFile(stampFile, "utf8")) === stamp;
  if (!fresh) {
    log.info({ launcherDir }, "building the embedded Neo4j launcher (first run downloads Neo4j 5.26 and APOC from Maven Central)");
    await runMaven(launcherDir, maven, log, signal);
    await writeFile(stampFile, stamp);
  }
  const deps = (await readFile(path.join(target, "classpath.txt"), "utf8")).trim();
  return { classpath: [path.join(target, "classes"), deps].join(path.delimiter), pluginsDir: path.join(target, "plugins") };
}

async function buildStamp(launcherDir: string): Promise<string> {
  const hash = createHash("sha256");
  for (const file of ["pom.xml", MAIN_SOURCE]) hash.update(await readFile(path.join(launcherDir, file)));
  return hash.digest("hex");
}

const UNREACHABLE =
  /UnknownHost|Connection refused|Network is unreachable|connect timed out|Could not transfer artifact|Could not resolve dependencies|Non-resolvable/;

function runMaven(launcherDir: string, maven: string, log: Logger, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(maven, ["-B", "-f", path.join(launcherDir, "pom.xml"), "compile"], {
      stdio: ["ignore", "pipe", "pipe"],
      signal,
    });
    const tail: string[] = [];
    const progress = downloadProgress(log);
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      progress.line(line);
    };
    createInterface({ input: child.stdout }).on("line", onLine);
    createInterface({ input: child.stderr }).on("line", onLine);
    child.on("error", (err) => reject(new StartupError("MAVEN_MISSING", `Maven could not be run: ${err.message}`)));
    child.on("close", (code) => {
      if (code === 0) {
        log.info(progress.done(), "embedded Neo4j launcher built");
        return resolve();
      }
      const output = tail.join("\n");
      if (UNREACHABLE.test(output)) {
        return reject(
          new StartupError(
            "MAVEN_CENTRAL_UNREACHABLE",
            "Maven could not download Neo4j's jars: Maven Central is unreachable from this machine.",
            `Check the network or a Maven mirror in ~/.m2/settings.xml, then start again. Maven said:\n${output}`,
          ),
        );
      }
      reject(new StartupError("LAUNCHER_BUILD_FAILED", `Maven failed to build the embedded Neo4j launcher (exit ${code}).`, output));
    });
  });
}

/**
 * What a first start downloads into an empty ~/.m2 (Neo4j 5.26, its Bolt connector, APOC core and
 * the Maven plugins that build the launcher), measured with Maven 3.8: about 900 files, 147 MB.
 */
const FIRST_DOWNLOAD = { files: 900, mb: 147 };
const UNIT_BYTES: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };

/** Reads Maven's "Downloaded from central: URL (1.2 MB at 3.4 MB/s)" lines; logs progress with totals every 5 s. */
function downloadProgress(log: Logger, everyMs = 5_000) {
  let files = 0;
  let bytes = 0;
  let lastLog = 0;
  const state = () => {
    const mb = Math.round(bytes / 1e6);
    return { files, mb, ofAboutMb: FIRST_DOWNLOAD.mb, percent: Math.min(99, Math.round((100 * mb) / FIRST_DOWNLOAD.mb)) };
  };
  return {
    line(line: string) {
      const m = /Downloaded from \S+ \S+ \(([\d.]+) (B|kB|KB|MB|GB)\b/.exec(line);
      if (!m) return;
      files += 1;
      bytes += Number(m[1]) * (UNIT_BYTES[m[2] as string] ?? 1);
      const now = Date.now();
      if (files === 1)
        log.info(
          { aboutFiles: FIRST_DOWNLOAD.files, aboutMb: FIRST_DOWNLOAD.mb },
          "first start: downloading Neo4j and APOC from Maven Central (2-4 minutes)",
        );
      else if (now - lastLog >= everyMs) log.info(state(), "downloading Neo4j and APOC from Maven Central");
      else return;
      lastLog = now;
    },
    done: () => ({ downloadedFiles: files, downloadedMb: Math.round(bytes / 1e6) }),
  };
}
