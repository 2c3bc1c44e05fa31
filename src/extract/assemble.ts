import { textHash } from "../ingest/text-hash.js";
import { Annotation, type ArticleMeta, Measure, Mention } from "../model/annotation.js";
import { japaneseToSimplified, toSimplified, toTraditional } from "../model/chinese-script.js";
import type { EntityDefinition, EntityKind } from "../model/entity.js";
import type { Lang } from "../model/primitives.js";
import { Relation } from "../model/relation.js";
import type { Knowledge } from "./knowledge.js";
import { englishName, newId } from "./naming.js";
import { entityKey } from "./relations.js";
import type { EntityMention, FoundMeasure, FoundRelation } from "./types.js";

interface Found {
  text: string;
  lang: Lang;
  mentions: EntityMention[];
  relations: FoundRelation[];
  measures: FoundMeasure[];
  article?: Partial<ArticleMeta>;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Builds the draft annotation: known entities as refs, new ones defined; every fact `draft: true`. */
export function assembleAnnotation(found: Found, knowledge: Knowledge): Annotation {
  const ids = new Map<string, string>();
  const entities: Mention[] = [];
  const articleKey = textHash(found.text).slice(0, 6);
  const used = new Set<string>();
  const taken = (id: string) => knowledge.entities.has(id) || used.has(id);
  for (const group of groupMentions(found.mentions)) {
    const entity = toEntity(group, found.lang, knowledge, taken, articleKey);
    const id = "ref" in entity ? entity.ref : entity.id;
    ids.set(entityKey(group[0] as EntityMention), id);
    used.add(id);
    entities.push(entity);
  }
  const idOf = (m: EntityMention) => ids.get(entityKey(m)) as string;
  const placed = (r: { from: EntityMention; to: EntityMention }) => ids.has(entityKey(r.from)) && ids.has(entityKey(r.to));
  const relations: Relation[] = uniqueRelations(found.relations.filter(placed)).map((r) => ({
    type: r.type as Relation["type"],
    from: idOf(r.from),
    to: idOf(r.to),
    quote: found.text.slice(r.quote.start, r.quote.end),
    ...(r.props ? { props: r.props } : {}),
    draft: true,
    confidence: round(r.confidence),
    rule: r.rule,
  }));
  const measures: Measure[] = [];
  for (const m of found.measures) {
    const entity = idOf(m.entity);
    if (!entity) continue;
    if (measures.some((x) => x.entity === entity && x.metric === m.metric)) continue;
    measures.push({
      entity,
      metric: m.metric,
      value: m.value,
      unit: m.unit,
      qualifier: m.qualifier,
      quote: found.text.slice(m.quote.start, m.quote.end),
      draft: true,
      confidence: m.confidence,
      rule: m.rule,
    });
  }
  // A fact the schema would refuse (an odd unit, an unusual name) is left out of the draft rather
  // than failing the whole article: a draft must always come out.
  const valid =
    <T>(schema: { safeParse(x: unknown): { success: boolean } }) =>
    (x: T) =>
      schema.safeParse(x).success;
  // A technology named in passing (智慧城市, 物联网 in a list of a city's ambitions) states no fact:
  // only technologies some relation or measure needs are drafted.
  const attached = new Set([...relations.flatMap((r) => [r.from, r.to]), ...measures.map((m) => m.entity)]);
  const kept = entities.filter(valid(Mention)).filter((e) => kindOf(e, knowledge) !== "Technology" || attached.has(idOfMention(e)));
  const keptIds = new Set(kept.map(idOfMention));
  return Annotation.parse({
    article: articleMeta(found),
    entities: kept,
    relations: relations.filter((r) => r.from !== r.to && keptIds.has(r.from) && keptIds.has(r.to)).filter(valid(Relation)),
    measures: measures.filter((m) => keptIds.has(m.entity)).filter(valid(Measure)),
  });
}

const idOfMention = (e: Mention) => ("ref" in e ? e.ref : e.id);
const kindOf = (e: Mention, knowledge: Knowledge) => ("ref" in e ? knowledge.entities.get(e.ref)?.kind : e.kind);

/** Mentions of the same entity: the same known id, or the same new surface and kind. */
function groupMentions(mentions: EntityMention[]): EntityMention[][] {
  const groups = new Map<string, EntityMention[]>();
  for (const m of mentions) groups.set(entityKey(m), [...(groups.get(entityKey(m)) ?? []), m]);
  return [...groups.values()];
}

function marks(group: EntityMention[]) {
  const best = [...group].sort((a, b) => b.confidence - a.confidence)[0] as EntityMention;
  const repeated = Math.min(0.99, best.confidence + 0.03 * (group.length - 1));
  return { draft: true, confidence: round(repeated), rule: best.rule };
}

function toEntity(group: EntityMention[], lang: Lang, knowledge: Knowledge, taken: (id: string) => boolean, articleKey: string): Mention {
  const first = group[0] as EntityMention;
  const named = group.filter((m) => !m.anaphor);
  const seen = [...new Set(named.filter((m) => !m.garbled).map((m) => m.surface))];
  const garbled = [...new Set(named.filter((m) => m.garbled).map((m) => m.surface))];
  const sightings = { seen, ...(garbled.length ? { garbled } : {}), ...marks(group) };
  const known = first.knownId ? knowledge.entities.get(first.knownId) : undefined;
  if (known && known.source !== "reference") return { ref: known.id, ...sightings };
  if (known) return { ...known.def, ...sightings } as Mention;
  const name = englishName(first.surface, first.kind, (text) =>
    knowledge.names.find(text).flatMap((hit) => {
      const entity = hit.entries[0] && knowledge.entities.get(hit.entries[0].id);
      return entity ? [{ start: hit.start, end: hit.end, name: entity.def.name }] : [];
    }),
  );
  // An agreement or ceremony named only by its kind (合作协议, 签约仪式) is this article's own: its id says so.
  const generic = /\.(?:signed-agreement|ceremony)$/.test(first.rule);
  const def = definition(
    first.kind,
    first.subtype,
    newId(generic ? `${name} ${articleKey}` : name, first.kind, taken),
    name,
    namesOf(first.surface, lang),
  );
  return { ...def, ...sightings } as Mention;
}

function namesOf(surface: string, lang: Lang): EntityDefinition["names"] {
  if (!/[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(surface)) return undefined;
  if (lang === "ko") return { ko: surface };
  const simplified = toSimplified(lang === "ja" ? japaneseToSimplified(surface) : surface);
  const names: EntityDefinition["names"] = { "zh-Hans": simplified, "zh-Hant": toTraditional(simplified) };
  return lang === "ja" ? { ...names, ja: surface } : names;
}

const DEFAULT_TYPE: Partial<Record<EntityKind, string>> = {
  Institution: "other",
  Lab: "lab",
  Technology: "technology",
  Event: "conference",
  Agreement: "cooperation-agreement",
};

function definition(
  kind: EntityKind,
  subtype: string | undefined,
  id: string,
  name: string,
  names: EntityDefinition["names"],
): EntityDefinition {
  const common = { id, name, ...(names ? { names } : {}) };
  switch (kind) {
    case "Region":
      return { ...common, kind, level: (subtype as "city") ?? "city" };
    case "ProductionLine":
      return { ...common, kind, stage: subtype === "mass" ? "mass" : "pilot" };
    case "Company":
    case "Person":
      return { ...common, kind } as EntityDefinition;
    default:
      return { ...common, kind, type: subtype ?? DEFAULT_TYPE[kind] } as EntityDefinition;
  }
}

function articleMeta(found: Found): ArticleMeta {
  const given = found.article ?? {};
  const digest = textHash(found.text).slice(0, 12);
  const firstLine = [...(found.text.split("\n").find((l) => l.trim()) ?? "")].slice(0, 120).join("").trim() || "untitled";
  const title = given.title?.trim() || null;
  return {
    id: given.id ?? `article-${digest}`,
    file: given.file ?? `${digest}.txt`,
    title,
    titleEn: given.titleEn?.trim() || `(draft) ${title ?? firstLine}`,
    source: given.source ?? null,
    publishedAt: given.publishedAt ?? datelineOf(found.text),
    language: found.lang,
    ...(given.url ? { url: given.url } : {}),
    note: given.note ?? "Draft drawn by npm run extract (gazetteer and rules); every fact is marked draft until a person reviews it.",
  };
}

/** A dateline near the top: 2023-06-03, 2023年6月3日, 2023.06.03, 2023년 6월 3일. */
function datelineOf(text: string): string | null {
  const m = /(20\d\d|19\d\d)\s*(?:[-./年]|년)\s*(\d{1,2})\s*(?:[-./月]|월)\s*(\d{1,2})/.exec(text.slice(0, 400));
  if (!m) return null;
  const [, y, mo, d] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function uniqueRelations(rels: FoundRelation[]): FoundRelation[] {
  const byKey = new Map<string, FoundRelation>();
  for (const r of rels) {
    const key = `${entityKey(r.from)}|${r.type}|${entityKey(r.to)}`;
    const had = byKey.get(key);
    if (!had || r.confidence > had.confidence) byKey.set(key, r);
  }
  return [...byKey.values()];
}
