import type { EntityMention } from "./types.js";

const OPENERS: Record<string, string> = { "(": ")", "（": "）", "[": "]", "［": "］", "【": "】", "「": "」" };
/** 以下简称 / 以下、 / 이하 / hereinafter: words that introduce a short form inside the brackets. */
const INTRODUCER = /^(?:以下简称|以下簡稱|下称|下稱|简称|簡稱|以下、?|이하\s*|hereinafter(?:\s+referred\s+to\s+as)?\s*)?["“「『]?/i;
/** What brackets after a name hold when they hold no short form: a photo position, a date, a number, a role. */
const NOT_AN_ALIAS =
  /^(?:[左右前后後中]\s*[一二三四五六七八九十\d]+|.*\d.*|.*[年月日号號]|.*(?:记者|記者|摄|攝|供图|供圖|报道|報道|通讯员|通訊員).*)$/;

/**
 * Short forms an article defines for itself: 香港中文大學(中大), 香港中文大學(深圳)[中大(深圳)],
 * 홍콩대학교(HKU), Hong Kong Trade Development Council (HKTDC), …(以下简称"港科大"). Every later
 * use of the short form is a mention of the same entity; a name found inside a short form
 * (深圳 in 中大(深圳)) gives way to it.
 */
export function withInlineAliases(given: EntityMention[], text: string, view: string): EntityMention[] {
  const mentions = namedByKnownShortForm(given, text);
  const aliases = definedAliases(mentions, text, view);
  if (aliases.length === 0) return mentions;
  let out = [...mentions];
  for (const { alias, of } of aliases) {
    for (const at of occurrences(text, alias)) {
      const span = { start: at, end: at + alias.length };
      const clashes = out.filter((m) => m.start < span.end && span.start < m.end);
      // A name that already covers the place (or more of it) stays; names inside the short form give way.
      // (The full name in brackets, found as a new name of its own, joins the entity it names.)
      const samePlace = (m: EntityMention) => m.start === span.start && m.end === span.end && !m.knownId && m.kind === of.kind;
      if (clashes.some((m) => m.start <= span.start && span.end <= m.end && !samePlace(m))) continue;
      if (clashes.some((m) => m.start < span.start || m.end > span.end)) continue;
      out = out.filter((m) => !clashes.includes(m));
      // A new entity is keyed by its name (sameAs): the short form joins it under the full name.
      const sameAs = of.knownId ? of.sameAs : (of.sameAs ?? of.surface);
      out.push({ ...of, ...span, surface: alias, sameAs, rule: "alias.inline", confidence: Math.min(of.confidence, 0.85) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * 香港サイエンス・テクノロジーパーク(HKSTP): a new name followed by the known short form of an
 * entity of its kind is that entity, named in full (every use of the full name in the article).
 */
function namedByKnownShortForm(mentions: EntityMention[], text: string): EntityMention[] {
  const renamed = new Map<string, EntityMention>();
  for (const m of mentions) {
    if (m.knownId || m.kind === "Person" || renamed.has(m.surface)) continue;
    const inside = bracketed(text, m.end)?.trim();
    const known =
      inside && mentions.find((x) => x.knownId && x.kind === m.kind && x.surface === inside && x.start > m.end && x.start - m.end <= 3);
    if (known) renamed.set(m.surface, known);
  }
  if (renamed.size === 0) return mentions;
  return mentions.map((m) => {
    const known = !m.knownId && renamed.get(m.surface);
    return known && known.kind === m.kind ? { ...m, knownId: known.knownId, rule: "alias.known-short-form", confidence: 0.8 } : m;
  });
}

interface Alias {
  alias: string;
  of: EntityMention;
}

function definedAliases(mentions: EntityMention[], text: string, view: string): Alias[] {
  const out: Alias[] = [];
  for (const m of mentions) {
    if (m.kind === "Person") continue;
    const inside = bracketed(text, m.end);
    if (!inside) continue;
    // 홍콩과학기술대학(HKUST, 이하 홍콩과기대): several short forms, one per piece.
    for (const piece of inside.split(/[,，;；、]\s*/)) {
      const alias = piece
        .replace(INTRODUCER, "")
        .replace(/["”」』]$/, "")
        .trim();
      // 이노비즈협회(중소기업기술혁신협회): the brackets may hold the full name, itself recognised as a name of the same kind.
      const fullName = mentions.some((x) => x !== m && x.kind === m.kind && x.surface === alias && x.start > m.end && x.start - m.end <= 2);
      if (!fullName && !plausibleAlias(alias, view.slice(m.start, m.end), simplifiedOf(view, text, alias, m.end))) continue;
      if (out.some((a) => a.alias === alias)) continue;
      out.push({ alias, of: m });
    }
  }
  return out;
}

/** The text inside brackets opening right after `at` (nested brackets kept), or undefined. */
function bracketed(text: string, at: number): string | undefined {
  let i = at;
  while (text[i] === " ") i++;
  const open = text[i] as string;
  const close = OPENERS[open];
  if (!close) return undefined;
  let depth = 0;
  for (let j = i; j < Math.min(text.length, i + 40); j++) {
    const c = text[j] as string;
    if (OPENERS[c]) depth++;
    else if (Object.values(OPENERS).includes(c) && --depth === 0) return text.slice(i + 1, j);
  }
  return undefined;
}

/** The alias as it reads in the Simplified view (same offsets as the text). */
function simplifiedOf(view: string, text: string, alias: string, after: number): string {
  const at = text.indexOf(alias, after);
  return at < 0 ? alias : view.slice(at, at + alias.length);
}

/**
 * A short form, not a note: Latin initials (HKU, CityU, HKTDC) for any name; in Han or Hangul, at
 * most six characters taken in order from the full name (中大 from 香港中文大学, 港科大 from 香港科技大学).
 */
function plausibleAlias(alias: string, fullView: string, aliasView: string): boolean {
  if (alias.length < 2 || NOT_AN_ALIAS.test(alias)) return false;
  if (/^[A-Z][A-Za-z&.-]{1,11}$/.test(alias) && /[A-Z].*[A-Z]|^[A-Z][a-z]+[A-Z]/.test(alias)) return true;
  const core = aliasView.replace(/[()（）]/g, "");
  if (core.length > 6 || core.length >= fullView.length) return false;
  return isSubsequence(core, fullView);
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
}

function occurrences(text: string, alias: string): number[] {
  const out: number[] = [];
  const latin = /^[A-Za-z]/.test(alias);
  for (let at = text.indexOf(alias); at >= 0; at = text.indexOf(alias, at + alias.length)) {
    // Latin initials are whole words: HKU is not inside HKUST.
    if (latin && (/[A-Za-z]/.test(text[at - 1] ?? "") || /[A-Za-z]/.test(text[at + alias.length] ?? ""))) continue;
    out.push(at);
  }
  return out;
}
