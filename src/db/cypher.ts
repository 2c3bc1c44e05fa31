import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../config.js";

const cache = new Map<string, string>();

/** The text of a file under cypher/, e.g. `cypher("import/merge-entities.cypher")`. */
export function cypher(file: string): string {
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(path.join(projectRoot, "cypher", file), "utf8");
    cache.set(file, text);
  }
  return text;
}

/** Splits a file of several statements at semicolons that end a line; drops `//` comment lines. */
export function statements(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("//"))
    .join("\n")
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}
