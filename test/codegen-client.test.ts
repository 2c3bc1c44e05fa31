import { spawn } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { preset } from "@graphql-codegen/client-preset";
import { codegen } from "@graphql-codegen/core";
import type { Types } from "@graphql-codegen/plugin-helpers";
import { buildSchema, parse } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../src/config.js";
import { seededApiForSuite } from "./support/api.js";

/**
 * A frontend team's toolchain, for real: GraphQL Code Generator's client preset generates a typed
 * client from the committed schema (graphql/generated/schema.graphql) and the operations written in
 * test/codegen-client/client.ts; tsc type-checks the client against it (strict, and the mistakes
 * the client marks @ts-expect-error must be errors); then the client runs against the real server
 * on the seed graph.
 *
 * The generator runs through @graphql-codegen/core with the preset, the two steps
 * @graphql-codegen/cli runs for `preset: "client"`. The CLI itself is not a dependency: its loaders
 * and terminal UI (listr2, @whatwg-node/fetch, sync-fetch) declare Node 22.12 to 22.15, beyond the
 * Node 20.19 the project supports, and would make every install warn EBADENGINE. Operations are
 * found as the CLI finds them, in `graphql(\`…\`)` calls.
 */
const seeded = seededApiForSuite();

const CLIENT_SOURCE = path.join(projectRoot, "test/codegen-client/client.ts");
const SCHEMA = path.join(projectRoot, "graphql/generated/schema.graphql");
const OUT = path.join(projectRoot, "test-results/codegen-client");
const NO_CHECK = /^\/\/ @ts-nocheck[^\n]*\n/;

/** The operations of a TypeScript file: every graphql(`…`) call's text, as the CLI plucks them. */
function pluckOperations(source: string, location: string): Types.DocumentFile[] {
  return [...source.matchAll(/\bgraphql\(\s*`([^`]*)`\s*\)/g)].map((m) => {
    const rawSDL = m[1] ?? "";
    return { location, rawSDL, document: parse(rawSDL) };
  });
}

/** Generates the client preset's files into OUT/gql/ and returns their names. */
async function generateClient(): Promise<string[]> {
  const sdl = await readFile(SCHEMA, "utf8");
  const source = await readFile(CLIENT_SOURCE, "utf8");
  const outputs = await preset.buildGeneratesSection({
    baseOutputDir: `${OUT}/gql/`,
    presetConfig: {},
    plugins: [],
    pluginMap: {},
    schema: parse(sdl),
    schemaAst: buildSchema(sdl),
    documents: pluckOperations(source, CLIENT_SOURCE),
    config: {
      useTypeImports: true,
      // ES module imports with .js, as moduleResolution NodeNext wants them.
      emitLegacyCommonJSImports: false,
      scalars: { Date: "string", DateTime: "string", ID: "string" },
      defaultScalarType: "unknown",
    },
    documentTransforms: [],
  });
  await rm(OUT, { recursive: true, force: true });
  await mkdir(`${OUT}/gql`, { recursive: true });
  for (const output of outputs) await writeFile(output.filename, await codegen(output));
  // The client as written, without the line that keeps the project's own type check off it.
  await writeFile(path.join(OUT, "client.ts"), source.replace(NO_CHECK, ""));
  await writeFile(
    path.join(OUT, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2023",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noUncheckedIndexedAccess: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        skipLibCheck: true,
        noEmit: true,
        lib: ["ES2023", "DOM"],
        types: [],
      },
      include: ["client.ts", "gql/*.ts"],
    }),
  );
  return outputs.map((o) => path.relative(OUT, o.filename)).sort();
}

function tsc(project: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, "node_modules/typescript/bin/tsc"), "-p", project], { cwd: projectRoot });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

let generated: string[] = [];
beforeAll(async () => {
  generated = await generateClient();
});

describe("a typed client generated from the committed schema with GraphQL Code Generator", () => {
  it("generates the client preset's files, with a type for every operation", async () => {
    expect(generated).toEqual(["gql/fragment-masking.ts", "gql/gql.ts", "gql/graphql.ts", "gql/index.ts"]);
    const types = await readFile(path.join(OUT, "gql/graphql.ts"), "utf8");
    for (const name of ["SearchQuery", "EntityCardQuery", "RegionsAtLevelQuery", "CompaniesWithinQuery", "CompaniesWithinQueryVariables"])
      expect(types).toMatch(new RegExp(`export type ${name} = `));
    expect(types).toContain("export const CompaniesWithinDocument");
  });

  it("type-checks the client with tsc (strict), the mistakes it marks included as errors", async () => {
    const { code, output } = await tsc(path.join(OUT, "tsconfig.json"));
    expect(output).toBe("");
    expect(code).toBe(0);
  });

  it("a mistake not marked is a type error naming the field", async () => {
    const client = await readFile(path.join(OUT, "client.ts"), "utf8");
    await writeFile(path.join(OUT, "client.ts"), client.replace("// @ts-expect-error the query does not select description\n", ""));
    try {
      const { code, output } = await tsc(path.join(OUT, "tsconfig.json"));
      expect(code).toBe(2);
      expect(output).toMatch(/client\.ts\(\d+,\d+\): error TS2339: Property 'description' does not exist on type/);
    } finally {
      await writeFile(path.join(OUT, "client.ts"), client);
    }
  });

  it("runs against the real server: search → card → the companies of its province, two per page with cursors", async () => {
    const client = (await import(pathToFileURL(path.join(OUT, "client.ts")).href)) as typeof import("./codegen-client/client.js");
    const result = await client.companiesOfProvince(`${seeded.api.url}/graphql`, "WeLion", 2);
    expect(result.hit).toEqual({ id: "welion", kind: "COMPANY", score: expect.any(Number) });
    expect(result.card).toEqual({
      id: "welion",
      name: "Jiangsu WeLion New Energy Battery Co., Ltd.",
      founded: expect.toSatisfy((v: unknown) => v === null || typeof v === "string"),
      foundedPrecision: expect.toSatisfy((v: unknown) => v === null || ["year", "month", "day"].includes(v as string)),
      locatedIn: ["Liyang (city)"],
      develops: expect.any(Array),
    });
    expect(result.province).toEqual({ id: "jiangsu", name: "Jiangsu" });
    expect(result.total).toBe(3);
    // Sorted by name: Jiangsu WeLion…, Liyang Tianmu Lead…, Liyang Zhongke Haina…
    expect(result.pages).toEqual([["welion", "tianmu-lead"], ["hina-liyang"]]);
    expect(result.cursors).toHaveLength(1);
  });

  it("a refusal reaches the client as an error with its status and code", async () => {
    const client = (await import(pathToFileURL(path.join(OUT, "client.ts")).href)) as typeof import("./codegen-client/client.js");
    const refused = await client.companiesOfProvince(`${seeded.api.url}/graphql`, "WeLion", -1).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(client.GraphQLRequestError);
    const error = refused as InstanceType<typeof client.GraphQLRequestError>;
    expect(error.status).toBe(400);
    expect(error.errors[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.errors[0]?.message).toMatch(/first must not be negative/);
  });
});
