import { errors, type JWTPayload, jwtVerify } from "jose";
import { CLOCK_TOLERANCE_S, formatDuration, type TokenRules } from "./rules.js";

/** The claims of a token that passed every check: `roles` is a list of strings. */
export interface VerifiedClaims extends JWTPayload {
  roles: string[];
}

/** A token refused, with the reason in words a client can act on. */
export class TokenRefused extends Error {}

/**
 * Checks a bearer token: HS256 only (the algorithm is pinned, whatever the header says), signed
 * with the key, `exp` present and not past, at most `maxLifetimeS` away (from now and from `iat`),
 * `iat` not in the future, `nbf` passed, `iss`/`aud` equal to the rules' when they set them, and
 * `roles` a list of strings. Clocks may differ by CLOCK_TOLERANCE_S.
 */
export async function verifyToken(token: string, key: Uint8Array, rules: TokenRules, nowMs = Date.now()): Promise<VerifiedClaims> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: ["HS256"],
      requiredClaims: ["exp"],
      clockTolerance: CLOCK_TOLERANCE_S,
      currentDate: new Date(nowMs),
      ...(rules.issuer ? { issuer: rules.issuer } : {}),
      ...(rules.audience ? { audience: rules.audience } : {}),
    }));
  } catch (err) {
    throw new TokenRefused(reasonOf(err));
  }
  const now = Math.floor(nowMs / 1000);
  const exp = payload.exp as number;
  const max = formatDuration(rules.maxLifetimeS);
  if (payload.iat !== undefined && payload.iat > now + CLOCK_TOLERANCE_S)
    throw new TokenRefused("the token's iat (issued at) lies in the future");
  if (exp - now > rules.maxLifetimeS + CLOCK_TOLERANCE_S || (payload.iat !== undefined && exp - payload.iat > rules.maxLifetimeS))
    throw new TokenRefused(`the token lives longer than the server allows (JWT_MAX_LIFETIME ${max})`);
  const roles = payload.roles;
  if (roles !== undefined && !(Array.isArray(roles) && roles.every((r) => typeof r === "string")))
    throw new TokenRefused("the token's roles must be a list of strings");
  return { ...payload, roles: (roles as string[] | undefined) ?? [] };
}

function reasonOf(err: unknown): string {
  if (err instanceof errors.JWTExpired) return "the token has expired";
  if (err instanceof errors.JOSEAlgNotAllowed) return "the token must be signed with HS256";
  if (err instanceof errors.JWSSignatureVerificationFailed) return "the token's signature does not match the server's JWT_SECRET";
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.reason === "missing") return `the token has no ${err.claim} claim${err.claim === "exp" ? " (an expiry is required)" : ""}`;
    if (err.claim === "iss") return "the token's issuer (iss) is not the one the server expects (JWT_ISSUER)";
    if (err.claim === "aud") return "the token's audience (aud) is not the one the server expects (JWT_AUDIENCE)";
    return `the token's ${err.claim} claim is not acceptable`;
  }
  return "the token is not a valid JWT";
}

/**
 * Per-server: checks a request's bearer token with this key and these rules. No token: undefined
 * (anonymous); a refused one: TokenRefused with the reason.
 */
export function authenticator(secret: string, rules: TokenRules): (token: string | undefined) => Promise<VerifiedClaims | undefined> {
  const key = new TextEncoder().encode(secret);
  return async (token) => (token ? verifyToken(token, key, rules) : undefined);
}
