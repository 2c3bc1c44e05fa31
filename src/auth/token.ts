import { SignJWT } from "jose";

export type Role = "editor" | "reader";

/** An HS256 token the API accepts: `roles` decides what it may do (writes need "editor"). */
export async function mintToken(secret: string, o: { subject: string; roles: Role[]; expiresIn: string }): Promise<string> {
  return new SignJWT({ roles: o.roles })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(o.subject)
    .setIssuedAt()
    .setExpirationTime(o.expiresIn)
    .sign(new TextEncoder().encode(secret));
}
