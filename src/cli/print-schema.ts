/** `npm run schema`: writes the full generated GraphQL schema to graphql/generated/schema.graphql. */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { printGeneratedSchema } from "../api/print-schema.js";
import { projectRoot } from "../config.js";
import { runMain } from "./run.js";

export const SCHEMA_ARTIFACT = path.join(projectRoot, "graphql", "generated", "schema.graphql");

runMain(async () => {
  await writeFile(SCHEMA_ARTIFACT, await printGeneratedSchema());
  console.log(`wrote ${path.relative(projectRoot, SCHEMA_ARTIFACT)}`);
});
