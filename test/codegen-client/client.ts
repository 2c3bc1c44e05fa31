// @ts-nocheck: test/codegen-client.test.ts type-checks this file (without this line) against the client it generates from graphql/generated/schema.graphql; the project's own type check has no generated code to check it against.
/**
 * A small frontend client of the API, as a team would write it with GraphQL Code Generator's
 * client preset: operations written with `graphql(...)`, typed by the code generated from the
 * committed schema, sent with fetch. Search → the found entity's card → the companies of its
 * province, page by page with cursors.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import type { CompaniesWithinQuery } from "./gql/graphql.js";
import { graphql } from "./gql/index.js";

const Search = graphql(`
  query Search($text: String!, $kinds: [EntityKind!], $limit: Int) {
    search(text: $text, kinds: $kinds, limit: $limit) {
      id
      kind
      name
      score
    }
  }
`);

const EntityCard = graphql(`
  query EntityCard($id: ID!) {
    entities(where: { id: { eq: $id } }) {
      __typename
      id
      name
      names
      description
      ... on Company {
        founded
        foundedPrecision
        withinRegions
        locatedIn {
          id
          name
          level
        }
        develops {
          id
          name
        }
      }
      ... on Institution {
        type
        withinRegions
      }
    }
  }
`);

const RegionsAtLevel = graphql(`
  query RegionsAtLevel($ids: [ID!]!, $level: String!) {
    regions(where: { id: { in: $ids }, level: { eq: $level } }) {
      id
      name
      level
    }
  }
`);

const CompaniesWithin = graphql(`
  query CompaniesWithin($region: ID!, $first: Int!, $after: String) {
    companiesConnection(where: { withinRegions: { includes: $region } }, sort: [{ name: ASC }], first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          withinRegions
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export class GraphQLRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: Array<{ message: string; extensions?: { code?: string } }>,
  ) {
    super(`HTTP ${status}: ${errors.map((e) => e.message).join("; ")}`);
  }
}

/** POSTs a typed operation; the answer's type and the variables' come from the generated code. */
export async function request<Result, Variables>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await res.json()) as { data?: Result | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (!res.ok || body.errors?.length || !body.data) throw new GraphQLRequestError(res.status, body.errors ?? []);
  return body.data;
}

export interface CompaniesOfProvince {
  hit: { id: string; kind: string; score: number };
  card: { id: string; name: string; founded: string | null; foundedPrecision: string | null; locatedIn: string[]; develops: string[] };
  province: { id: string; name: string };
  total: number;
  /** The ids of each page, in order. */
  pages: string[][];
  cursors: string[];
}

/** Finds a company by any of its names, reads its card, and lists the companies of its province page by page. */
export async function companiesOfProvince(url: string, text: string, pageSize: number): Promise<CompaniesOfProvince> {
  const { search } = await request(url, Search, { text, kinds: ["COMPANY"], limit: 3 });
  const hit = search[0];
  if (!hit) throw new Error(`no company found for ${text}`);

  const { entities } = await request(url, EntityCard, { id: hit.id });
  const card = entities[0];
  if (card?.__typename !== "Company") throw new Error(`${hit.id} is not a company`);

  const { regions } = await request(url, RegionsAtLevel, { ids: card.withinRegions, level: "province" });
  const province = regions[0];
  if (!province) throw new Error(`${card.name} lies in no province the graph knows`);

  const pages: string[][] = [];
  const cursors: string[] = [];
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const answer: CompaniesWithinQuery = await request(url, CompaniesWithin, { region: province.id, first: pageSize, after });
    const page = answer.companiesConnection;
    total = page.totalCount;
    pages.push(page.edges.map((edge) => edge.node.id));
    const next = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage || !next) break;
    after = next;
    cursors.push(next);
  }
  return {
    hit: { id: hit.id, kind: hit.kind, score: hit.score },
    card: {
      id: card.id,
      name: card.name,
      founded: card.founded ?? null,
      foundedPrecision: card.foundedPrecision ?? null,
      locatedIn: card.locatedIn.map((r) => `${r.name} (${r.level})`),
      develops: card.develops.map((t) => t.id),
    },
    province: { id: province.id, name: province.name },
    total,
    pages,
    cursors,
  };
}

/**
 * Never called: what the generated types must refuse. Each line below is a type error, and
 * @ts-expect-error fails the type check if it is not, so a client typed `any` would fail.
 */
export async function mistakesTheTypesCatch(url: string): Promise<unknown[]> {
  // @ts-expect-error text is required
  const noText = request(url, Search, { limit: 3 });
  // @ts-expect-error PLANET is not an EntityKind
  const badKind = request(url, Search, { text: "x", kinds: ["PLANET"] });
  // @ts-expect-error first is an Int
  const badFirst = request(url, CompaniesWithin, { region: "jiangsu", first: "2" });
  const { search } = await request(url, Search, { text: "x" });
  // @ts-expect-error score is a number
  const score: string = search[0]?.score ?? "";
  const { companiesConnection } = await request(url, CompaniesWithin, { region: "jiangsu", first: 1 });
  // @ts-expect-error the query does not select description
  const description = companiesConnection.edges[0]?.node.description;
  const { entities } = await request(url, EntityCard, { id: "x" });
  // @ts-expect-error founded is selected on Company only: narrow by __typename first
  const founded = entities[0]?.founded;
  return [noText, badKind, badFirst, score, description, founded];
}
