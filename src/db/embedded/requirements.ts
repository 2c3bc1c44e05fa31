import { spawnSync } from "node:child_process";
import { StartupError } from "./startup-error.js";

const MIN_JAVA = 17;

/** Checks that `java` exists and is 17 or newer; returns its major version. */
export function checkJava(java: string): number {
  const run = spawnSync(java, ["-version"], { encoding: "utf8" });
  if (run.error) {
    throw new StartupError(
      "JAVA_MISSING",
      `Java was not found (tried \`${java}\`: ${run.error.message}).`,
      `The embedded Neo4j needs Java ${MIN_JAVA}+: install a JDK (e.g. \`apt-get install openjdk-17-jdk-headless\`) or set JAVA to its path.`,
    );
  }
  const major = parseJavaMajor(`${run.stderr}${run.stdout}`);
  if (major === undefined || major < MIN_JAVA) {
    throw new StartupError(
      "JAVA_TOO_OLD",
      `Java ${major ?? "of unknown version"} found at \`${java}\`; the embedded Neo4j 5.26 needs Java ${MIN_JAVA} or newer.`,
      `Install Java ${MIN_JAVA}+ or point JAVA at one (e.g. JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java).`,
    );
  }
  return major;
}

/** `openjdk version "17.0.15"` -> 17; `java version "1.8.0_382"` -> 8 */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] ? Number(m[2]) : first;
}

/** Checks that Maven runs; it fetches Neo4j's jars from Maven Central on first start. */
export function checkMaven(maven: string): void {
  const run = spawnSync(maven, ["-v"], { encoding: "utf8" });
  if (run.error || run.status !== 0) {
    throw new StartupError(
      "MAVEN_MISSING",
      `Maven was not found or does not run (tried \`${maven}\`${run.error ? `: ${run.error.message}` : ""}).`,
      "The embedded Neo4j resolves its jars from Maven Central with Maven on first start: install it (`apt-get install maven`) or set MAVEN to its path.",
    );
  }
}
