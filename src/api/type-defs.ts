import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../config.js";

/** All .graphql files in graphql/ (not examples): the API's single definition. */
export function loadTypeDefs(): string {
  const dir = path.join(projectRoot, "graphql");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
}
