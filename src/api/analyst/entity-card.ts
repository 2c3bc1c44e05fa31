import { KIND_PROPERTIES, type PropertySpec, RELATION_FIELDS } from "../../model/graph-fields.js";
import type { RelationType } from "../../model/relation.js";
import { type EdgeRow, kindOf, type NodeRow, toGraphEdge, toGraphNode } from "./graph-mapping.js";

/** A Neo4j date (or anything whose toString is YYYY-MM-DD) as precisely as it is known: 2019, 2019-04, 2019-04-01. */
export function partialDate(date: unknown, precision: string | null | undefined): string | null {
  if (date === null || date === undefined) return null;
  const iso = String(date);
  if (precision === "year") return iso.slice(0, 4);
  if (precision === "month") return iso.slice(0, 7);
  return iso.slice(0, 10);
}

const OFFICIAL_NAMES = [
  ["nameZhHans", "zh-Hans"],
  ["nameZhHant", "zh-Hant"],
  ["nameKo", "ko"],
  ["nameJa", "ja"],
] as const;

type Props = Record<string, unknown>;

/** Every name with its language: the canonical one, the official ones, then aliases (a name given twice in one language once). */
export function entityNames(props: Props) {
  const names: Array<{ text: string; lang: string | null; role: string }> = [];
  const seen = new Set<string>();
  const add = (text: unknown, lang: string | null, role: string) => {
    if (typeof text !== "string" || !text) return;
    const key = `${lang ?? ""}\u0000${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    names.push({ text, lang, role });
  };
  add(props.name, "en", "CANONICAL");
  for (const [field, lang] of OFFICIAL_NAMES) add(props[field], lang, "OFFICIAL");
  const aliases = (props.aliases as string[] | undefined) ?? [];
  const langs = (props.aliasLangs as string[] | undefined) ?? [];
  const garbled = new Set((props.garbledAliases as string[] | undefined) ?? []);
  for (const [i, alias] of aliases.entries()) add(alias, langs[i] ?? null, garbled.has(alias) ? "GARBLED" : "ALIAS");
  // A garbled form that is not also an alias, with no language known.
  for (const g of garbled) if (!names.some((n) => n.text === g)) add(g, null, "GARBLED");
  return names;
}

/** The kind's own properties the entity has, in the model's order, dates and quantities as precisely as stored. */
export function entityAttributes(label: string, props: Props) {
  const specs = (KIND_PROPERTIES as Record<string, Record<string, PropertySpec>>)[label] ?? {};
  return Object.entries(specs).flatMap(([name, spec]) => {
    const value = props[name];
    if (value === null || value === undefined) return [];
    const base = { name, precision: null as string | null, unit: null as string | null, qualifier: null as string | null };
    switch (spec.stored) {
      case "date": {
        const precision = (props[`${name}Precision`] as string | undefined) ?? "day";
        return [{ ...base, value: partialDate(value, precision) as string, precision }];
      }
      case "quantity":
        return [
          {
            ...base,
            value: String(Number(value)),
            unit: (props[`${name}Unit`] as string | undefined) ?? null,
            qualifier: (props[`${name}Qualifier`] as string | undefined) ?? "exact",
          },
        ];
      default:
        return [{ ...base, value: String(value) }];
    }
  });
}

interface ArticleRow {
  id: string;
  title: string | null;
  titleEn: string;
  language: string | null;
  publishedAt: unknown;
  publishedAtPrecision: string | null;
}

function articleRefs(rows: ArticleRow[]) {
  const byId = new Map(
    rows.map((a) => [
      a.id,
      {
        id: a.id,
        title: a.title ?? null,
        titleEn: a.titleEn,
        language: a.language ?? null,
        publishedAt: partialDate(a.publishedAt, a.publishedAtPrecision),
        publishedAtPrecision: a.publishedAt ? (a.publishedAtPrecision ?? "day") : null,
      },
    ]),
  );
  // An article id no Article node has (never in an imported graph) still reads as a reference.
  return (id: string) => byId.get(id) ?? { id, title: null, titleEn: id, language: null, publishedAt: null, publishedAtPrecision: null };
}

/** Evidence of an edge with each article's title and date. */
function cardEvidence(edge: EdgeRow, article: ReturnType<typeof articleRefs>) {
  return toGraphEdge(edge).evidence.map((ev) => ({ quote: ev.quote, draft: ev.draft, article: article(ev.articleId) }));
}

interface LocationRow {
  node: NodeRow;
  edge: EdgeRow;
  basis: string | null;
}

interface RelationRow {
  other: NodeRow;
  edge: EdgeRow;
  props: Record<string, unknown>;
  date: { d: unknown; p: string } | null;
}

interface GroupRow {
  type: string;
  direction: "OUT" | "IN";
  total: unknown;
  /** The read of the group's type stopped at the ceiling. */
  capped: boolean;
  relations: RelationRow[];
}

interface FigureRow {
  metric: string;
  value: number;
  unit: string;
  qualifier: string;
  asOf: unknown;
  asOfPrecision: string | null;
  articleId: string;
  quote: string;
  draft: boolean | null;
}

export interface CardRow {
  props: Props;
  labels: string[];
  locations: LocationRow[][];
  figures: FigureRow[];
  articles: ArticleRow[];
  groups: GroupRow[];
}

/** The card as graphql/analyst.graphql (EntityCard) serves it, from entity.cypher's row. */
export function toEntityCard(row: CardRow, countCeiling: number) {
  const { props } = row;
  const kind = kindOf(row.labels);
  const label = row.labels.find((l) => l in KIND_PROPERTIES) ?? "";
  const article = articleRefs(row.articles);
  const relationGroups = row.groups.map((g) => {
    const fields = RELATION_FIELDS[g.type as RelationType];
    return {
      type: g.type,
      direction: g.direction,
      field: fields ? (g.direction === "OUT" ? fields.out : fields.in) : g.type,
      total: Math.min(Number(g.total), countCeiling),
      totalCapped: g.capped === true,
      relations: g.relations.map((r) => ({
        other: toGraphNode(r.other),
        edge: toGraphEdge(r.edge),
        date: r.date ? partialDate(r.date.d, r.date.p) : null,
        datePrecision: r.date?.p ?? null,
        basis: (r.props.basis as string | undefined) ?? "article",
        role: r.props.role ?? null,
        title: r.props.title ?? null,
        kind: r.props.kind ?? null,
        amount: r.props.amount ?? null,
        amountUnit: r.props.amountUnit ?? null,
        amountQualifier: r.props.amountQualifier ?? null,
        status: r.props.status ?? null,
        evidence: cardEvidence(r.edge, article),
      })),
    };
  });
  // Groups by type, OUT before IN (the Cypher sorts the same way; kept explicit for clients).
  relationGroups.sort((a, b) => a.type.localeCompare(b.type) || (a.direction === "OUT" ? -1 : 1) - (b.direction === "OUT" ? -1 : 1));
  const relationsTotal = relationGroups.reduce((n, g) => n + g.total, 0);
  return {
    id: props.id as string,
    kind,
    name: props.name as string,
    description: (props.description as string | undefined) ?? null,
    names: entityNames(props),
    attributes: entityAttributes(label, props),
    locations: row.locations.map((chain) => ({
      steps: chain.map((s) => ({
        node: toGraphNode(s.node),
        type: s.edge.type,
        gazetteer: s.basis === "gazetteer",
        evidence: cardEvidence(s.edge, article),
      })),
    })),
    figures: row.figures.map((f) => ({
      metric: f.metric,
      value: Number(f.value),
      unit: f.unit,
      qualifier: f.qualifier,
      asOf: partialDate(f.asOf, f.asOfPrecision),
      asOfPrecision: f.asOf ? (f.asOfPrecision ?? "day") : null,
      quote: f.quote,
      article: article(f.articleId),
      draft: f.draft === true,
    })),
    relationGroups,
    relationsTotal,
    truncated: relationGroups.some((g) => g.totalCapped || g.total > g.relations.length),
    draft: props.draft === true,
    confidence: (props.confidence as number | undefined) ?? null,
    rule: (props.rule as string | undefined) ?? null,
  };
}
