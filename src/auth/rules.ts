/** What a bearer token must satisfy besides its HS256 signature (JWT_MAX_LIFETIME, JWT_ISSUER, JWT_AUDIENCE). */
export interface TokenRules {
  /** The longest a token may live: `exp` at most this far past `iat` and past now. */
  maxLifetimeS: number;
  /** When set, `iss` must equal it (and `npm run token` writes it). */
  issuer?: string;
  /** When set, `aud` must name it (and `npm run token` writes it). */
  audience?: string;
}

export const DEFAULT_TOKEN_RULES: TokenRules = { maxLifetimeS: 24 * 3600 };

/** How far the issuer's clock may run ahead of or behind ours. */
export const CLOCK_TOLERANCE_S = 30;

const UNIT_S: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** "90" (seconds), "30s", "15m", "8h", "7d" → seconds; undefined when it is none of these. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+)\s*([smhd]?)\s*$/i.exec(text);
  if (!m) return undefined;
  const seconds = Number(m[1]) * (UNIT_S[(m[2] || "s").toLowerCase()] as number);
  return seconds > 0 ? seconds : undefined;
}

/** 86400 → "24h", 90 → "90s": for messages. */
export function formatDuration(seconds: number): string {
  for (const [unit, size] of [
    ["d", 86_400],
    ["h", 3600],
    ["m", 60],
  ] as const) {
    // Days only past one: "24h" reads better than "1d".
    if (seconds % size === 0 && seconds >= size && !(unit === "d" && seconds === size)) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
