import type { ArticleMeta, Mention } from "../model/annotation.js";
import { scriptVariants } from "../model/chinese-script.js";
import type { EntityDefinition, EntityKind } from "../model/entity.js";
import { storedField, storedKindProps } from "../model/graph-fields.js";
import type { Lang, PartialDate, Quantity } from "../model/primitives.js";
import { joins, RELATION_TYPES, type Relation } from "../model/relation.js";
import { isDraft, type Marks, markProps, marksOf, relationDraftProps, type Statement } from "./draft-marks.js";
import { inUnreadable, type RawCorpus } from "./load.js";
import type { AliasEntry, ImportPlan, Props, RelationRow } from "./plan.js";
import type { DataProblem } from "./problems.js";
import { textHash } from "./text-hash.js";

type Sighting = { articleId: string; lang: Lang; seen: string[]; garbled: string[] };

interface LinkedEntity {
  def: EntityDefinition;
  origin: string;
  /** The JSON path of the definition inside `origin`. */
  path: string;
  sightings: Sighting[];
  /** The draft marks of the mention that defines it (none for catalogue entities). */
  marks: Marks;
}

/**
 * Checks everything a schema cannot (quotes occur in the text, references resolve, one kind per id,
 * endpoint kinds fit the relation type) and links the corpus into one import plan.
 * Returns every problem found; the plan is only meaningful when there are none.
 */
export function linkCorpus(corpus: RawCorpus, catalogueFile: string): { plan: ImportPlan; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const { entities, contested } = collectDefinitions(corpus, catalogueFile, problems);
  const plan: ImportPlan = { articles: [], entities: [], mentions: [], relations: [], measures: [] };
  const relations: RelationIndex = new Map();
  const articleIds = new Map<string, string>();
  const measureIds = new Map<string, string>();
  // A reference that cannot resolve because its target's file could not be read, or whose kind
  // is contested by two definitions, is a follow-on of a problem already reported: not repeated.
  const known = (id: string) => entities.has(id) || inUnreadable(corpus, id);

  for (const { file, data, storedJson } of corpus.annotations) {
    const { article } = data;
    const text = corpus.texts.get(article.file);
    const at = (path: string, message: string) => problems.push({ file, path, message });
    if (text === undefined) {
      if (!corpus.unreadable?.anyText && !corpus.unreadable?.texts.has(article.file))
        at("article.file", `article text ${article.file} not found in the articles folder`);
      continue;
    }
    const seenId = articleIds.get(article.id);
    if (seenId) at("article.id", `article id ${article.id} is already used by ${seenId}`);
    articleIds.set(article.id, file);
    plan.articles.push({ id: article.id, props: articleProps(article, text, storedJson) });

    const { mentioned, unresolved } = checkMentions(data.entities, text, article, entities, known, at);
    for (const [entityId, { surfaces, marks }] of mentioned) plan.mentions.push({ articleId: article.id, entityId, surfaces, ...marks });
    const followOn = (id: string) => unresolved.has(id) || (!entities.has(id) && known(id));

    data.relations.forEach((rel, i) => {
      const where = `relations[${i}]`;
      if (!checkRelation(rel, text, mentioned, entities, followOn, contested, (p, m) => at(`${where}${p}`, m))) return;
      addRelation(relations, rel, article.id, file, where, problems);
    });

    data.measures.forEach((m, i) => {
      const where = `measures[${i}]`;
      if (!mentioned.has(m.entity) && !followOn(m.entity)) at(`${where}.entity`, `${m.entity} is not among this article's entities`);
      if (!text.includes(m.quote)) at(`${where}.quote`, "quote does not occur verbatim in the article text");
      // One :Measure per entity, metric and article (the store's measure_id constraint): a second
      // value would overwrite the first in a stored graph and fail the import in an empty one.
      const id = `${m.entity}--${m.metric}--${article.id}`;
      const earlier = measureIds.get(id);
      if (earlier !== undefined) {
        at(
          where,
          `duplicate measure: ${earlier} already gives ${m.entity}'s ${m.metric} for article ${article.id}; ` +
            "an article states one value per entity and metric (keep one, or name the other metric differently)",
        );
        return;
      }
      measureIds.set(id, `${file} ${where}`);
      plan.measures.push({
        id,
        entityId: m.entity,
        props: compact({
          metric: m.metric,
          value: m.value,
          unit: m.unit,
          qualifier: m.qualifier ?? "exact",
          ...dateProps("asOf", m.asOf),
          articleId: article.id,
          quote: m.quote,
          ...markProps(m),
        }),
      });
    });
  }

  addGazetteer(corpus, catalogueFile, entities, known, contested, relations, problems);
  plan.entityOrigins = new Map();
  for (const [id, e] of entities) {
    plan.entities.push({ id, kind: e.def.kind, props: entityProps(e) });
    plan.entityOrigins.set(id, { file: e.origin, path: e.path });
  }
  for (const { row, evidence, drafted } of relations.values()) {
    row.props = { ...drafted, ...row.props };
    row.props.articleIds = evidence.map((e) => e.articleId);
    row.props.quotes = evidence.map((e) => e.quote);
    row.props.basis = evidence.length > 0 ? "article" : "gazetteer";
    Object.assign(row.props, relationDraftProps(evidence));
    plan.relations.push(row);
  }
  return { plan, problems };
}

/**
 * Relations by `from|TYPE|to`. `row.props` holds what hand-made (or accepted) statements say;
 * `drafted` what drafts say, which gives way to them and to earlier drafts instead of conflicting.
 */
type RelationIndex = Map<string, { row: RelationRow; evidence: Statement[]; drafted: Props; origin: string }>;

/** Region containment and seats from the catalogue: general knowledge, no article evidence. */
function addGazetteer(
  corpus: RawCorpus,
  catalogueFile: string,
  entities: Map<string, LinkedEntity>,
  known: (id: string) => boolean,
  contested: Set<string>,
  relations: RelationIndex,
  problems: DataProblem[],
) {
  corpus.catalogue.relations.forEach((rel, i) => {
    const at = (end: string, message: string) => problems.push({ file: catalogueFile, path: `relations[${i}].${end}`, message });
    const rule = RELATION_TYPES[rel.type];
    let ok = true;
    for (const end of ["from", "to"] as const) {
      const entity = entities.get(rel[end]);
      if (!entity) {
        ok = false;
        if (!known(rel[end])) at(end, `${rel[end]} resolves to no entity`);
      } else if (contested.has(rel[end])) {
        ok = false;
      } else if (!(rule[end] as readonly EntityKind[]).includes(entity.def.kind)) {
        ok = false;
        at(end, `${rel.type} cannot ${end === "from" ? "start at" : "end at"} a ${entity.def.kind} (${rel[end]})`);
      }
    }
    const [fromKind, toKind] = [entities.get(rel.from)?.def.kind, entities.get(rel.to)?.def.kind];
    if (ok && fromKind && toKind && !joins(rel.type, fromKind, toKind)) {
      ok = false;
      at("to", `${rel.type} cannot join a ${fromKind} to a ${toKind} (${rel.to})`);
    }
    const key = `${rel.from}|${rel.type}|${rel.to}`;
    if (ok && !relations.has(key)) {
      relations.set(key, {
        row: { type: rel.type, from: rel.from, to: rel.to, props: {} },
        evidence: [],
        drafted: {},
        origin: `${catalogueFile} relations[${i}]`,
      });
    }
  });
}

function collectDefinitions(corpus: RawCorpus, catalogueFile: string, problems: DataProblem[]) {
  const entities = new Map<string, LinkedEntity>();
  /** Ids claimed with two kinds: their kind checks would only repeat that problem. */
  const contested = new Set<string>();
  const define = (def: EntityDefinition, origin: string, path: string, marks: Marks = {}): void => {
    const existing = entities.get(def.id);
    if (!existing) {
      entities.set(def.id, { def, origin, path, sightings: [], marks });
      return;
    }
    if (existing.def.kind !== def.kind) contested.add(def.id);
    const reason =
      existing.def.kind !== def.kind
        ? `id ${def.id} is claimed as ${def.kind} here and as ${existing.def.kind} in ${existing.origin} at ${existing.path}`
        : `id ${def.id} is already defined in ${existing.origin} at ${existing.path}; refer to it with {"ref": "${def.id}"}`;
    problems.push({ file: origin, path, message: reason });
  };
  corpus.catalogue.entities.forEach((def, i) => {
    define(def, catalogueFile, `entities[${i}]`);
  });
  for (const { file, data } of corpus.annotations) {
    data.entities.forEach((m, i) => {
      if (!("ref" in m)) define(definitionOf(m), file, `entities[${i}].id`, marksOf(m));
    });
  }
  return { entities, contested };
}

function definitionOf(m: Exclude<Mention, { ref: string }>): EntityDefinition {
  const { seen: _seen, garbled: _garbled, draft: _draft, confidence: _confidence, rule: _rule, ...def } = m;
  return def as EntityDefinition;
}

/** Each mention's surface forms must occur in the text; returns entity id -> surface forms and the mention's marks. */
function checkMentions(
  mentions: Mention[],
  text: string,
  article: ArticleMeta,
  entities: Map<string, LinkedEntity>,
  known: (id: string) => boolean,
  at: (path: string, message: string) => void,
) {
  const mentioned = new Map<string, { surfaces: string[]; marks: Marks }>();
  /** Ids this article lists but that resolve to nothing: reported once here, not again by each relation. */
  const unresolved = new Set<string>();
  mentions.forEach((m, i) => {
    const id = "ref" in m ? m.ref : m.id;
    const entity = entities.get(id);
    if (!entity) {
      unresolved.add(id);
      if (!known(id)) at(`entities[${i}].ref`, `reference ${id} resolves to no entity in the catalogue or any article`);
      return;
    }
    if (mentioned.has(id)) {
      at(`entities[${i}]`, `${id} is listed twice in this article`);
      return;
    }
    const garbled = m.garbled ?? [];
    if (m.seen.length + garbled.length === 0) at(`entities[${i}].seen`, "list at least one surface form as it occurs in the article");
    [...m.seen, ...garbled].forEach((surface, j) => {
      if (!text.includes(surface)) {
        const field = j < m.seen.length ? `seen[${j}]` : `garbled[${j - m.seen.length}]`;
        at(`entities[${i}].${field}`, `surface form "${surface}" does not occur verbatim in the article text`);
      }
    });
    entity.sightings.push({ articleId: article.id, lang: article.language, seen: m.seen, garbled });
    mentioned.set(id, { surfaces: [...m.seen, ...garbled], marks: marksOf(m) });
  });
  return { mentioned, unresolved };
}

function checkRelation(
  rel: Relation,
  text: string,
  mentioned: Map<string, unknown>,
  entities: Map<string, LinkedEntity>,
  followOn: (id: string) => boolean,
  contested: Set<string>,
  at: (path: string, message: string) => void,
): boolean {
  let ok = true;
  const fail = (path: string, message: string) => {
    ok = false;
    at(path, message);
  };
  if (!text.includes(rel.quote)) fail(".quote", "quote does not occur verbatim in the article text");
  const rule = RELATION_TYPES[rel.type];
  for (const end of ["from", "to"] as const) {
    const id = rel[end];
    const entity = entities.get(id);
    if (followOn(id)) ok = false;
    else if (!entity) fail(`.${end}`, `${id} resolves to no entity`);
    else if (!mentioned.has(id)) fail(`.${end}`, `${id} is not among this article's entities`);
    else if (contested.has(id)) ok = false;
    else if (!(rule[end] as readonly EntityKind[]).includes(entity.def.kind))
      fail(`.${end}`, `${rel.type} cannot ${end === "from" ? "start at" : "end at"} a ${entity.def.kind} (${id})`);
  }
  const [fromKind, toKind] = [entities.get(rel.from)?.def.kind, entities.get(rel.to)?.def.kind];
  if (ok && fromKind && toKind && !joins(rel.type, fromKind, toKind))
    fail(".to", `${rel.type} cannot join a ${fromKind} to a ${toKind} (${rel.to})`);
  if (rel.from === rel.to) fail(".to", "a relation cannot link an entity to itself");
  return ok;
}

/**
 * Merges the same fact stated by several articles into one relationship with all its evidence.
 * Two hand-made statements that qualify it differently (another role, another date) are a problem;
 * a draft's qualifiers give way to the hand-made ones and to earlier drafts instead.
 */
function addRelation(relations: RelationIndex, rel: Relation, articleId: string, file: string, where: string, problems: DataProblem[]) {
  const key = `${rel.from}|${rel.type}|${rel.to}`;
  const props = relationProps(rel);
  const statement: Statement = { articleId, quote: rel.quote, marks: marksOf(rel) };
  const existing = relations.get(key);
  if (!existing) {
    const drafted = isDraft(rel);
    relations.set(key, {
      row: { type: rel.type, from: rel.from, to: rel.to, props: drafted ? {} : props },
      evidence: [statement],
      drafted: drafted ? props : {},
      origin: `${file} ${where}`,
    });
    return;
  }
  if (isDraft(rel)) existing.drafted = { ...props, ...existing.drafted };
  else mergeStatedProps(existing, props, file, where, problems);
  const same = existing.evidence.find((e) => e.articleId === articleId && e.quote === rel.quote);
  if (!same) existing.evidence.push(statement);
  else if (!isDraft(rel)) same.marks = statement.marks; // stated by hand as well: not a draft
}

function mergeStatedProps(
  existing: { row: RelationRow; origin: string },
  props: Props,
  file: string,
  where: string,
  problems: DataProblem[],
) {
  for (const [k, v] of Object.entries(props)) {
    const before = existing.row.props[k];
    if (before !== undefined && JSON.stringify(before) !== JSON.stringify(v)) {
      problems.push({
        file,
        path: `${where}.props.${k}`,
        message: `conflicts with ${existing.origin}, which says ${JSON.stringify(before)}`,
      });
    }
    existing.row.props[k] = v;
  }
}

function relationProps(rel: Relation): Props {
  const p = rel.props ?? {};
  return compact({
    role: p.role,
    title: p.title,
    kind: p.kind,
    ...quantityProps("amount", p.amount),
    ...dateProps("date", p.date),
    status: p.status,
  });
}

/**
 * An article's node properties. `textHash` finds an article by its text (the review API's
 * idempotent ingest); `annotation` keeps the annotation of an article ingested through the API,
 * which lives in the graph rather than in seed/annotations.
 */
function articleProps(a: ArticleMeta, text: string, storedJson: string | undefined): Props {
  return compact({
    file: a.file,
    title: a.title ?? undefined,
    titleEn: a.titleEn,
    name: a.titleEn,
    source: a.source ?? undefined,
    ...dateProps("publishedAt", a.publishedAt ?? undefined),
    language: a.language,
    note: a.note,
    url: a.url,
    text,
    textHash: textHash(text),
    annotation: storedJson,
  });
}

const NAME_FIELDS = { "zh-Hans": "nameZhHans", "zh-Hant": "nameZhHant", ko: "nameKo", ja: "nameJa" } as const;

function entityProps(e: LinkedEntity): Props {
  const { def } = e;
  const aliases = aliasEntries(e);
  const props: Props = { name: def.name, aliases: aliases.map((a) => a.text), aliasLangs: aliases.map((a) => a.lang) };
  for (const [lang, field] of Object.entries(NAME_FIELDS)) {
    const value = def.names?.[lang as keyof typeof NAME_FIELDS];
    if (value) props[field] = value;
  }
  props.garbledAliases = aliases.filter((a) => a.garbled).map((a) => a.text);
  props.names = unique([def.name, ...Object.values(def.names ?? {}), ...aliases.map((a) => a.text)]);
  props.searchNames = unique(props.names.flatMap(scriptVariants));
  if (def.description) props.description = def.description;
  return { ...props, ...storedKindProps(def), ...markProps(e.marks) };
}

/** Every name other than the canonical one, with its language, in a stable order. */
function aliasEntries(e: LinkedEntity): AliasEntry[] {
  const out: AliasEntry[] = [];
  const add = (text: string, lang: Lang, garbled: boolean) => {
    const found = out.find((a) => a.text === text);
    if (found) found.garbled ||= garbled;
    else if (text !== e.def.name) out.push({ text, lang, garbled });
  };
  for (const [lang, texts] of Object.entries(e.def.aliases ?? {})) for (const t of texts ?? []) add(t, lang as Lang, false);
  for (const s of e.sightings) {
    for (const t of s.seen) add(t, s.lang, false);
    for (const t of s.garbled) add(t, s.lang, true);
  }
  return out;
}

/** `capacity: {value: 300, unit: "t/year"}` -> `capacity: 300, capacityUnit: "t/year", capacityQualifier: "exact"` (src/model/graph-fields.ts) */
function quantityProps(key: string, q: Quantity | undefined): Props {
  return storedField(key, "quantity", q);
}

/** `founded: "2019-04"` -> `founded: date 2019-04-01, foundedPrecision: "month"` (src/model/graph-fields.ts) */
function dateProps(key: string, d: PartialDate | undefined): Props {
  return storedField(key, "date", d);
}

function compact(o: Record<string, Props[string] | undefined>): Props {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Props;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
