import { SignJWT } from "jose";

export type Role = "editor" | "reader";

export interface TokenRequest {
  subject: string;
  roles: Role[];
  /** Lifetime: "30m", "8h", "7d", or seconds. */
  expiresIn: string | number;
  /** `iss` and `aud`: the server's JWT_ISSUER and JWT_AUDIENCE when it sets them. */
  issuer?: string;
  audience?: string;
}

/** An HS256 token the API accepts: `roles` decides what it may do (writes need "editor"). */
export async function mintToken(secret: string, o: TokenRequest): Promise<string> {
  const jwt = new SignJWT({ roles: o.roles })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(o.subject)
    .setIssuedAt()
    .setExpirationTime(typeof o.expiresIn === "number" ? `${o.expiresIn}s` : o.expiresIn);
  if (o.issuer) jwt.setIssuer(o.issuer);
  if (o.audience) jwt.setAudience(o.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
