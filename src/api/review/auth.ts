import { GraphQLError } from "graphql";
import type { ApiContext } from "../context.js";

/**
 * The review API's writes need what the generated write mutations need (graphql/auth.graphql): a
 * bearer token that passed the server's checks (src/auth/verify.ts, done once per request in the
 * context, which answers 401 for a refused token) whose `roles` include "editor". No token:
 * UNAUTHENTICATED; a valid one without the role: FORBIDDEN.
 */
export function requireEditor(ctx: ApiContext): void {
  if (!ctx.jwt) throw unauthenticated("this mutation needs a bearer token with the editor role (npm run token -- --role editor)");
  if (!ctx.jwt.roles.includes("editor"))
    throw new GraphQLError("this mutation needs the editor role", { extensions: { code: "FORBIDDEN" } });
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED" } });
}
