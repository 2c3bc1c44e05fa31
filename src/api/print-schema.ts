import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { projectRoot } from "../config.js";
import { log } from "../log.js";
import { buildApiSchema } from "./schema.js";

/** The full generated schema as SDL, sorted so that the committed artifact diffs cleanly. */
export async function printGeneratedSchema(): Promise<string> {
  // Schema generation needs no database; the key only has to exist.
  const { schema } = await buildApiSchema(undefined, "schema-printing-needs-no-real-key-0000000000", {
    seedDir: path.join(projectRoot, "seed"),
    log,
  });
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
