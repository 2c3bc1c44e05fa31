import type { IncomingMessage, ServerResponse } from "node:http";
import cors from "cors";
import helmet from "helmet";

/**
 * What the browser may do with our pages: scripts, styles and fonts only from this server (the
 * explorer's bundle, GraphiQL and React from npm packages), no inline scripts, no framing by any
 * page, no plugins. Inline styles stay allowed: GraphiQL, CodeMirror and cytoscape set style
 * attributes. Images may be data: and blob: URLs (the explorer's PNG export and GraphiQL's icons).
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "script-src-attr": ["'none'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  },
};

const headers = helmet({
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  // Refuses framing in browsers that predate frame-ancestors.
  frameguard: { action: "deny" },
  referrerPolicy: { policy: "no-referrer" },
  // The server speaks plain HTTP on loopback; HTTPS, where used, is a proxy's business.
  strictTransportSecurity: false,
});

/** Security headers for every response: CSP, nosniff, no framing, no referrer (helmet). */
export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  headers(req, res, () => {});
}

/** The request headers a cross-origin client may send to /graphql. */
const CORS_REQUEST_HEADERS = ["Authorization", "Content-Type", "Apollo-Require-Preflight", "X-Apollo-Operation-Name"];

/**
 * CORS for /graphql: origins in `allowed` get Access-Control-Allow-Origin (and a 204 preflight
 * answer naming the methods and headers they may use); any other origin gets no CORS header, so
 * its pages cannot read our answers. No credentials: auth is a bearer token, never a cookie.
 */
export function corsFor(allowed: readonly string[]) {
  const middleware = cors({
    origin: (origin, done) => done(null, origin !== undefined && allowed.includes(origin)),
    methods: ["GET", "POST"],
    allowedHeaders: CORS_REQUEST_HEADERS,
    maxAge: 600,
  });
  /** Adds the headers; answers a preflight (OPTIONS) itself and returns true then. */
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    // With these options the middleware is synchronous: it either calls next or ends the response.
    let passed = false;
    middleware(req, res, () => {
      passed = true;
    });
    return !passed;
  };
}

/** An origin is allowed cross-origin access when it is in the allow-list. */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  return origin !== undefined && allowed.includes(origin);
}

/**
 * Whether a request may be a browser's cross-site "simple" request, one sent without a preflight.
 * Every current browser says where a request comes from in `Sec-Fetch-Site`; a request without it
 * is not from such a browser (curl, scripts, server-side clients).
 */
export function fromAnotherSite(req: IncomingMessage): boolean {
  const site = req.headers["sec-fetch-site"];
  return site !== undefined && site !== "same-origin" && site !== "none";
}

/**
 * The host names the server answers to: `configured` (ALLOWED_HOSTS) when given, else the loopback
 * names and the address it listens on (HOST) unless that is a wildcard.
 */
export function allowedHosts(listenHost: string, configured?: readonly string[]): string[] {
  if (configured && configured.length > 0) {
    return configured.map((h) => (h === "*" ? h : (hostName(bracketed(h)) ?? h.toLowerCase())));
  }
  const names = ["localhost", "127.0.0.1", "[::1]"];
  const own = hostName(bracketed(listenHost));
  if (own && own !== "0.0.0.0" && own !== "[::]" && !names.includes(own)) names.push(own);
  return names;
}

/** A bare IPv6 address (::1) in the brackets a Host header has ([::1]). */
function bracketed(host: string): string {
  return host.split(":").length > 2 && !host.startsWith("[") ? `[${host}]` : host;
}

/** The host name of a Host header (lower case, no port, IPv6 in brackets), or undefined if malformed. */
function hostName(header: string): string | undefined {
  try {
    const name = new URL(`http://${header}`).hostname;
    return name.replace(/\.$/, "") || undefined;
  } catch {
    return undefined;
  }
}

/**
 * DNS-rebinding protection: a page on evil.example whose name was made to resolve to 127.0.0.1
 * reaches this server with `Host: evil.example`, and is refused. `*` in the list accepts any host.
 */
export function hostAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  if (allowed.includes("*")) return true;
  const name = req.headers.host === undefined ? undefined : hostName(req.headers.host);
  return name !== undefined && allowed.includes(name);
}
