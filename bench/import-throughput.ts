import type { Driver } from "neo4j-driver";
import { writePlan } from "../src/db/import-plan.js";
import type { ImportPlan } from "../src/ingest/plan.js";
import type { Logger } from "../src/log.js";
import { RELATION_TYPES } from "../src/model/relation.js";
import { round } from "./stats.js";

export interface ImportRow {
  method: string;
  nodes: number;
  relationships: number;
  seconds: number;
  nodesPerSecond: number;
  relationshipsPerSecond: number;
  note?: string;
}

const row = (method: string, nodes: number, relationships: number, seconds: number, note?: string): ImportRow => ({
  method,
  nodes,
  relationships,
  seconds: round(seconds),
  nodesPerSecond: Math.round(nodes / seconds),
  relationshipsPerSecond: Math.round(relationships / seconds),
  note,
});

const relationshipCount = (plan: ImportPlan) => plan.relations.length + plan.mentions.length + plan.measures.length;
const nodeCount = (plan: ImportPlan) => plan.entities.length + plan.articles.length + plan.measures.length;

/** The project's importer as `npm run seed` runs it (default IMPORT_TX_ROWS and IMPORT_WRITERS). */
export async function importOurs(driver: Driver, plan: ImportPlan, database: string, log: Logger): Promise<ImportRow> {
  const t = performance.now();
  await writePlan(driver, plan, { database, log });
  return row("ours (npm run seed path)", nodeCount(plan), relationshipCount(plan), (performance.now() - t) / 1000);
}

/**
 * The best batched raw Cypher I could write for the same data into an empty database: CREATE, not
 * MERGE (it knows the database is empty, so nothing can exist yet), static labels and types (one
 * statement per kind and per type, so the planner needs no dynamic lookups), 10,000 rows a batch,
 * one transaction per batch (so not all-or-nothing, unlike ours), two batches at a time (as many
 * writers as ours; a second writer gains about 25% on 2 cores), no idempotency bookkeeping.
 */
export async function importBestRaw(driver: Driver, plan: ImportPlan, database: string): Promise<ImportRow> {
  const t = performance.now();
  const run = async (query: string, rows: unknown[]) => {
    let next = 0;
    const writer = async () => {
      while (next < rows.length) {
        const start = next;
        next += 10_000;
        await driver.executeQuery(query, { rows: rows.slice(start, start + 10_000) }, { database });
      }
    };
    await Promise.all([writer(), writer()]);
  };
  await run(
    "UNWIND $rows AS row CREATE (a:Article {id: row.id}) SET a += row.props",
    plan.articles.map((a) => ({ id: a.id, props: plain(a.props) })),
  );
  for (const kind of new Set(plan.entities.map((e) => e.kind))) {
    const rows = plan.entities.filter((e) => e.kind === kind).map((e) => ({ id: e.id, props: plain(e.props) }));
    await run(`UNWIND $rows AS row CREATE (n:Entity:${kind} {id: row.id}) SET n += row.props`, rows);
  }
  await run(
    "UNWIND $rows AS row MATCH (a:Article {id: row.articleId}) MATCH (e:Entity {id: row.entityId}) CREATE (a)-[:MENTIONS {surfaces: row.surfaces}]->(e)",
    plan.mentions,
  );
  for (const type of Object.keys(RELATION_TYPES)) {
    const rows = plan.relations.filter((r) => r.type === type).map((r) => ({ from: r.from, to: r.to, props: plain(r.props) }));
    if (rows.length)
      await run(
        `UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) CREATE (a)-[r:${type}]->(b) SET r += row.props`,
        rows,
      );
  }
  await run(
    "UNWIND $rows AS row MATCH (e:Entity {id: row.entityId}) CREATE (e)-[:HAS_MEASURE]->(m:Measure {id: row.id}) SET m += row.props",
    plan.measures.map((m) => ({ id: m.id, entityId: m.entityId, props: plain(m.props) })),
  );
  return row("best raw batched Cypher", nodeCount(plan), relationshipCount(plan), (performance.now() - t) / 1000);
}

/**
 * The naive way: one MERGE per row, one transaction per row. Far too slow for the whole corpus at
 * M and L, so it runs on the first `sample` relations (and the entities they need) and reports
 * the rate, which does not depend on the sample size.
 */
export async function importNaive(driver: Driver, plan: ImportPlan, database: string, sample: number): Promise<ImportRow> {
  const relations = plan.relations.slice(0, sample);
  const ids = new Set(relations.flatMap((r) => [r.from, r.to]));
  const entities = plan.entities.filter((e) => ids.has(e.id));
  const t = performance.now();
  for (const e of entities) {
    await driver.executeQuery(
      "MERGE (n:Entity {id: $id}) SET n:$($kind), n += $props",
      { id: e.id, kind: e.kind, props: plain(e.props) },
      { database },
    );
  }
  for (const r of relations) {
    await driver.executeQuery(
      "MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to}) MERGE (a)-[x:$($type)]->(b) SET x += $props",
      { from: r.from, to: r.to, type: r.type, props: plain(r.props) },
      { database },
    );
  }
  const seconds = (performance.now() - t) / 1000;
  return row("naive: one MERGE per transaction", entities.length, relations.length, seconds, `sample of ${relations.length} relations`);
}

/** Dates as ISO strings: enough for throughput, and the same work for every method. */
function plain(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props).map(([k, v]) => [
      k,
      typeof v === "object" && v !== null && !Array.isArray(v) ? String((v as { date: string }).date) : v,
    ]),
  );
}
