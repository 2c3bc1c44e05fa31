import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { buildSchema, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { operationCost } from "../src/api/cost-limit.js";
import { QUERY_LIMITS } from "../src/api/protection.js";
import { gql, seededApiForSuite } from "./support/api.js";

/**
 * The cost limit counts a page size the same wherever the client writes it: a literal, a
 * variable, or a variable's default. Over HTTP against the real server on the seed graph.
 */
const seeded = seededApiForSuite();

const S = "id name names aliases description nameZhHans nameZhHant nameJa nameKo";
const REGION = `{ ${S} level partOf { ${S} level partOf { ${S} level } } }`;
/** A companies page whose cost is 614.75 per company asked for: 10 exceed 5000, 5 do not. */
const page = (first: string, header = "") => `query Companies${header} {
  companiesConnection(first: ${first}, sort: [{ id: ASC }]) { totalCount edges { cursor node { ${S} founded
    locatedIn ${REGION} operates { ${S} } develops { ${S} } spunOffFrom { ${S} } staff { ${S} worksAt { ${S} } } } }
    pageInfo { endCursor hasNextPage } } }`;

function parts(query: string): { operation: OperationDefinitionNode; fragments: Record<string, FragmentDefinitionNode> } {
  const doc = parse(query);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  let operation: OperationDefinitionNode | undefined;
  for (const d of doc.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    if (d.kind === Kind.OPERATION_DEFINITION) operation ??= d;
  }
  if (!operation) throw new Error("no operation");
  return { operation, fragments };
}

/** graphql-armor's own figure for a query (its rule reads literals only). */
function armorCost(query: string): number {
  let message = "";
  const rule = costLimitRule({ maxCost: -1, propagateOnRejection: false, onReject: [(_context, error) => (message = error.message)] });
  validate(buildSchema("type Query { a: Int }"), parse(query), [rule]);
  const found = /found ([\d.]+)\.$/.exec(message);
  if (!found) throw new Error(`armor gave no cost: ${message}`);
  return Number(found[1]);
}

describe("the cost model is graphql-armor's, with page sizes read from variables too", () => {
  it.each([
    ["a literal page size", page("10")],
    ["no page size", page("null").replace("first: null, ", "")],
    [
      "fragments, spread twice, and an inline fragment",
      `query { a: regions { ...R } b: regions { ...R } entities { ... on Region { id partOf { id } } } }
      fragment R on Region { id name partOf { id name } }`,
    ],
    ["introspection, which costs nothing", "{ __schema { types { name fields { name } } } regions { id } }"],
  ])("%s: the same figure as armor's", (_what, query) => {
    const { operation, fragments } = parts(query);
    expect(operationCost(operation, fragments, {})).toBeCloseTo(armorCost(query), 6);
  });

  it("a variable, a variable's default and a literal cost the same", () => {
    const literal = parts(page("10"));
    const variable = parts(page("$first", "($first: Int)"));
    const fallback = parts(page("$first", "($first: Int = 10)"));
    const expected = armorCost(page("10"));
    expect(operationCost(literal.operation, literal.fragments, {})).toBeCloseTo(expected, 6);
    expect(operationCost(variable.operation, variable.fragments, { first: 10 })).toBeCloseTo(expected, 6);
    expect(operationCost(fallback.operation, fallback.fragments, {})).toBeCloseTo(expected, 6);
    // A value given overrides the default; null or nothing counts once.
    expect(operationCost(fallback.operation, fallback.fragments, { first: 1 })).toBeCloseTo(expected / 10, 6);
    expect(operationCost(variable.operation, variable.fragments, { first: null })).toBeCloseTo(expected / 10, 6);
    expect(operationCost(variable.operation, variable.fragments, {})).toBeCloseTo(expected / 10, 6);
    // Before the variables are known (validation) every variable page size counts once: a lower bound.
    expect(operationCost(fallback.operation, fallback.fragments, undefined)).toBeCloseTo(expected / 10, 6);
  });
});

describe("over HTTP: refused or answered alike, however the page size is written", () => {
  const refusal = /^Query Cost limit of 5000 exceeded, found 6148\.$/;

  it.each([
    ["a literal", page("10"), {}],
    ["a variable", page("$first", "($first: Int)"), { first: 10 }],
    ["a variable's default", page("$first", "($first: Int = 10)"), {}],
  ])("first: 10 as %s is refused: HTTP 400, GRAPHQL_VALIDATION_FAILED, a message naming the limit", async (_how, query, variables) => {
    const r = await gql(seeded.api, query, variables);
    expect(r.status).toBe(400);
    expect(r.data).toBeUndefined();
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0]?.message).toMatch(refusal);
    expect(r.errors?.[0]?.message).not.toMatch(/^Syntax Error/);
    expect(r.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(QUERY_LIMITS.maxCost).toBe(5000);
  });

  it.each([
    ["a literal", page("5"), {}],
    ["a variable", page("$first", "($first: Int)"), { first: 5 }],
    ["a variable's default", page("$first", "($first: Int = 5)"), {}],
  ])("first: 5 as %s is answered with the same five companies", async (_how, query, variables) => {
    const r = await gql(seeded.api, query, variables);
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
    const c = r.data?.companiesConnection;
    expect(c.totalCount).toBe(25);
    expect(c.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      "atl",
      "catl",
      "china-everbright-group",
      "china-resources-group",
      "china-state-construction-international",
    ]);
    expect(c.pageInfo.hasNextPage).toBe(true);
  });

  it("a query also invalid otherwise gets the cost refusal among its validation errors when its page sizes are literals", async () => {
    const invalid = page("10").replace("totalCount", "totalCount nonsense");
    const r = await gql(seeded.api, invalid);
    expect(r.status).toBe(400);
    // One more scalar (nonsense) in the connection, under first: 10: 10 × 1.5 more.
    expect(r.errors?.map((e) => e.message)).toEqual([
      "Query Cost limit of 5000 exceeded, found 6163.",
      'Cannot query field "nonsense" on type "CompaniesConnection".',
    ]);
    expect(r.errors?.every((e) => e.extensions?.code === "GRAPHQL_VALIDATION_FAILED")).toBe(true);
  });

  it("a refused GET query is HTTP 400 too", async () => {
    const url = new URL(`${seeded.api.url}/graphql`);
    url.searchParams.set("query", page("$first", "($first: Int)"));
    url.searchParams.set("variables", JSON.stringify({ first: 10 }));
    const res = await fetch(url);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]?.message).toMatch(refusal);
    expect(body.errors[0]?.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
