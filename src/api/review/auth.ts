import { GraphQLError } from "graphql";
import { errors, jwtVerify } from "jose";

/**
 * Checks the request's bearer token as the generated write mutations do (graphql/auth.graphql): an
 * HS256 JWT signed with JWT_SECRET whose `roles` include "editor". No or an invalid token:
 * UNAUTHENTICATED; a valid one without the role: FORBIDDEN.
 */
export async function requireEditor(token: string | undefined, key: Uint8Array): Promise<void> {
  if (!token) throw unauthenticated("this mutation needs a bearer token with the editor role (npm run token -- --role editor)");
  let roles: unknown;
  try {
    ({
      payload: { roles },
    } = await jwtVerify(token, key, { algorithms: ["HS256"] }));
  } catch (err) {
    const reason = err instanceof errors.JWTExpired ? "the token has expired" : "the token is not valid";
    throw unauthenticated(`${reason}; this mutation needs a bearer token with the editor role`);
  }
  if (!Array.isArray(roles) || !roles.includes("editor"))
    throw new GraphQLError("this mutation needs the editor role", { extensions: { code: "FORBIDDEN" } });
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED" } });
}
