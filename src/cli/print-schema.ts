/**
 * `npm run schema`: generates graphql/kinds.graphql from the model (src/model/kinds-sdl.ts), then
 * writes the full generated GraphQL schema to graphql/generated/schema.graphql.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { printGeneratedSchema } from "../api/print-schema.js";
import { projectRoot } from "../config.js";
import { KINDS_SDL_FILE, kindsTypeDefs } from "../model/kinds-sdl.js";
import { runMain } from "./run.js";

export const SCHEMA_ARTIFACT = path.join(projectRoot, "graphql", "generated", "schema.graphql");

runMain(async () => {
  await writeFile(path.join(projectRoot, KINDS_SDL_FILE), kindsTypeDefs());
  console.log(`wrote ${KINDS_SDL_FILE}`);
  await writeFile(SCHEMA_ARTIFACT, await printGeneratedSchema());
  console.log(`wrote ${path.relative(projectRoot, SCHEMA_ARTIFACT)}`);
});
