import type { ApolloServerPlugin } from "@apollo/server";
import { type ArgumentNode, type DocumentNode, GraphQLError, Kind, type ObjectFieldNode, type ValueNode, visit } from "graphql";

/** Counts and page sizes: a negative one has no meaning (the library failed on first: -1 with an internal error). */
const COUNTS = new Set(["first", "limit", "offset", "depth", "hops", "k"]);
/** Pagination cursors, which the generated API would otherwise read as "from the start" when garbled. */
const CURSORS = new Set(["after", "before"]);
const CURSOR = /^arrayconnection:(\d+)$/;

/**
 * Refuses, before anything runs, arguments no answer can honour: a negative count or page size
 * (first: -1, limit: -5) and a cursor the API never issued (after: "garbage"), with HTTP 400
 * BAD_USER_INPUT naming the argument. Values passed in variables are checked the same way.
 */
export function argumentChecks<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const problem = firstProblem(document, request.variables ?? {});
          if (problem) throw new GraphQLError(problem, { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
        },
      };
    },
  };
}

function firstProblem(document: DocumentNode, variables: Record<string, unknown>): string | undefined {
  let problem: string | undefined;
  const check = (name: string, node: ValueNode) => {
    if (problem) return;
    const value = node.kind === Kind.VARIABLE ? variables[node.name.value] : literal(node);
    if (COUNTS.has(name) && typeof value === "number" && value < 0) problem = `${name} must not be negative (got ${value})`;
    if (CURSORS.has(name) && typeof value === "string" && !validCursor(value))
      problem = `${name} is not a cursor this API issued (use pageInfo.endCursor of the previous page)`;
  };
  visit(document, {
    [Kind.ARGUMENT]: (node: ArgumentNode) => check(node.name.value, node.value),
    [Kind.OBJECT_FIELD]: (node: ObjectFieldNode) => check(node.name.value, node.value),
  });
  return problem;
}

function literal(node: ValueNode): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.STRING) return node.value;
  return undefined;
}

function validCursor(cursor: string): boolean {
  return CURSOR.test(Buffer.from(cursor, "base64").toString("utf8"));
}
