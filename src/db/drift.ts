import type { Driver } from "neo4j-driver";
import type { ImportPlan } from "../ingest/plan.js";
import { planRows, type Row } from "./import-rows.js";

/**
 * Drift: a curated fact whose file is unchanged since it was imported (the stored content hash is
 * the file's) but whose properties in the graph are not what the file says, because someone changed
 * the graph afterwards (an editor through the API, or by hand). The importer skips rows whose hash
 * is unchanged, so without this check such an edit goes unnoticed.
 */
export interface DriftedFact {
  /** "entity catl", "relation cityu -[LOCATED_IN]-> hong-kong", "measure …", "article …", "mention article-000 -> catl" */
  fact: string;
  /** Where the curated value comes from (file and path), when known. */
  origin?: string;
  differences: Array<{ property: string; curated: unknown; graph: unknown }>;
  /** Who changed it and when, when the graph recorded it (`editedBy`, `editedAt` on the fact). */
  editedBy?: string;
  editedAt?: string;
  /** How to find the fact again to restore it. */
  target:
    | { kind: "node"; label: "Entity" | "Article" | "Measure"; id: string }
    | { kind: "mention" | "relation"; from: string; type: string; to: string };
}

/** Properties that record an edit rather than state a fact: reported, never compared. */
const EDIT_MARKS = new Set(["editedBy", "editedAt"]);
const CHUNK = 5_000;

/** Every curated fact of the plan whose stored properties differ from the plan, though its hash is unchanged. */
export async function findDrift(driver: Driver, database: string, plan: ImportPlan): Promise<DriftedFact[]> {
  const rows = planRows(plan);
  const session = driver.session({ database, defaultAccessMode: "READ" });
  const drift: DriftedFact[] = [];
  try {
    await session.executeRead(async (tx) => {
      const read = async (query: string, input: Row[], param: (r: Row, i: number) => Record<string, unknown>) => {
        const out: Array<{ i: number; props: Record<string, unknown> }> = [];
        for (let start = 0; start < input.length; start += CHUNK) {
          const batch = input.slice(start, start + CHUNK).map((r, k) => ({ ...param(r, start + k), hash: r.hash, i: start + k }));
          const { records } = await tx.run(query, { rows: batch });
          for (const rec of records) out.push({ i: rec.get("i") as number, props: rec.get("props") as Record<string, unknown> });
        }
        return out;
      };
      const nodes = async (label: "Entity" | "Article" | "Measure", name: string, input: Row[]) => {
        const query = `UNWIND $rows AS row MATCH (n:${label} {id: row.id}) WHERE n.importHash = row.hash RETURN row.i AS i, properties(n) AS props`;
        for (const { i, props } of await read(query, input, (r) => ({ id: r.id }))) {
          const row = input[i] as Row;
          const id = row.id as string;
          const expected = { ...(row.props as Record<string, unknown>), id, importHash: row.hash };
          const origin = label === "Entity" ? plan.entityOrigins?.get(id) : undefined;
          add(drift, `${name} ${id}`, expected, props, { kind: "node", label, id }, origin && `${origin.file} at ${origin.path}`);
        }
      };
      await nodes("Article", "article", rows.articles);
      await nodes("Entity", "entity", rows.entities);
      await nodes("Measure", "measure", rows.measures);
      // Links are streamed from their start nodes and matched here (as stored-relations.cypher
      // does): probing each row between both ends walks a hub's whole chain.
      const stream = async (query: string, input: Row[], key: (r: Row) => string[]) => {
        const byKey = new Map(input.map((r, i) => [key(r).join("\u0001"), i]));
        const ids = [...new Set(input.map((r) => key(r)[0] as string))];
        const out: Array<{ i: number; props: Record<string, unknown> }> = [];
        for (let start = 0; start < ids.length; start += CHUNK) {
          for await (const rec of tx.run(query, { ids: ids.slice(start, start + CHUNK) })) {
            const i = byKey.get([rec.get("from"), rec.get("type"), rec.get("to")].join("\u0001"));
            const props = rec.get("props") as Record<string, unknown>;
            if (i !== undefined && props.importHash === (input[i] as Row).hash) out.push({ i, props });
          }
        }
        return out;
      };
      const mentions = await stream(
        "UNWIND $ids AS id MATCH (:Article {id: id})-[m:MENTIONS]->(e:Entity) RETURN id AS from, 'MENTIONS' AS type, e.id AS to, properties(m) AS props",
        rows.mentions,
        (r) => [r.articleId as string, "MENTIONS", r.entityId as string],
      );
      for (const { i, props } of mentions) {
        const row = rows.mentions[i] as Row;
        const expected = { surfaces: row.surfaces, draft: row.draft, confidence: row.confidence, rule: row.rule, importHash: row.hash };
        const target = { kind: "mention" as const, from: row.articleId as string, type: "MENTIONS", to: row.entityId as string };
        add(drift, `mention ${target.from} -> ${target.to}`, expected, props, target);
      }
      const relations = await stream(
        "UNWIND $ids AS id MATCH (:Entity {id: id})-[r]->(b:Entity) RETURN id AS from, type(r) AS type, b.id AS to, properties(r) AS props",
        rows.relations,
        (r) => [r.from as string, r.type as string, r.to as string],
      );
      for (const { i, props } of relations) {
        const row = rows.relations[i] as Row;
        const expected = { ...(row.props as Record<string, unknown>), importHash: row.hash };
        const target = { kind: "relation" as const, from: row.from as string, type: row.type as string, to: row.to as string };
        add(drift, `relation ${target.from} -[${target.type}]-> ${target.to}`, expected, props, target);
      }
    });
  } finally {
    await session.close();
  }
  return drift;
}

function add(
  drift: DriftedFact[],
  fact: string,
  expected: Record<string, unknown>,
  stored: Record<string, unknown>,
  target: DriftedFact["target"],
  origin?: string,
) {
  const differences: DriftedFact["differences"] = [];
  const keys = new Set([...Object.keys(expected), ...Object.keys(stored)]);
  for (const key of [...keys].sort()) {
    if (EDIT_MARKS.has(key)) continue;
    const curated = canonical(expected[key]);
    const graph = canonical(stored[key]);
    if (JSON.stringify(curated) !== JSON.stringify(graph)) differences.push({ property: key, curated, graph });
  }
  if (differences.length === 0) return;
  const item: DriftedFact = { fact, differences, target };
  if (origin) item.origin = origin;
  if (stored.editedBy != null) item.editedBy = String(stored.editedBy);
  if (stored.editedAt != null) item.editedAt = String(stored.editedAt);
  drift.push(item);
}

/** Values as comparable JSON: absent and null alike, Neo4j temporals as their ISO text. */
function canonical(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map(canonical);
  if (typeof v === "object") return String(v);
  if (typeof v === "bigint") return Number(v);
  return v;
}

/**
 * Makes the next import rewrite the drifted facts with their curated values: nodes and stated
 * relations lose their content hash (the import's MERGE then replaces every property, edit marks
 * included), mentions lose all their properties (the MERGE sets them again). One transaction.
 */
export async function markForRestore(driver: Driver, database: string, drift: DriftedFact[]): Promise<void> {
  const nodes = drift.flatMap((d) => (d.target.kind === "node" ? [{ label: d.target.label, id: d.target.id }] : []));
  const links = drift.flatMap((d) => (d.target.kind === "node" ? [] : [d.target]));
  const session = driver.session({ database });
  try {
    await session.executeWrite(async (tx) => {
      for (const label of ["Entity", "Article", "Measure"] as const) {
        const ids = nodes.filter((n) => n.label === label).map((n) => n.id);
        if (ids.length > 0) await tx.run(`UNWIND $ids AS id MATCH (n:${label} {id: id}) REMOVE n.importHash`, { ids });
      }
      const mentions = links.filter((l) => l.kind === "mention");
      if (mentions.length > 0)
        await tx.run("UNWIND $rows AS row MATCH (:Article {id: row.from})-[m:MENTIONS]->(:Entity {id: row.to}) SET m = {}", {
          rows: mentions,
        });
      const relations = links.filter((l) => l.kind === "relation");
      if (relations.length > 0)
        await tx.run(
          "UNWIND $rows AS row MATCH (:Entity {id: row.from})-[r]->(:Entity {id: row.to}) WHERE type(r) = row.type REMOVE r.importHash",
          { rows: relations },
        );
    });
  } finally {
    await session.close();
  }
}
