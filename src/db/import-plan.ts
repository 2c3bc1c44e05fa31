import { createHash } from "node:crypto";
import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import type { DateValue, ImportPlan, Props, PropValue } from "../ingest/plan.js";
import type { Logger } from "../log.js";
import { cypher } from "./cypher.js";

export interface ImportCounts {
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
  labelsAdded: number;
}

export interface ImportOptions {
  database: string;
  batchSize?: number;
  log: Logger;
}

/** Entities already stored under another kind: the import refuses rather than relabel them. */
export class KindConflictError extends Error {
  constructor(readonly conflicts: Array<{ id: string; wanted: string; stored: string[] }>) {
    super(
      `the database already holds ${conflicts.length} entit${conflicts.length === 1 ? "y" : "ies"} under another kind: ` +
        conflicts.map((c) => `${c.id} is ${c.stored.join("/")}, data says ${c.wanted}`).join("; "),
    );
    this.name = "KindConflictError";
  }
}

/**
 * Writes the plan in ONE transaction (all or nothing) with batched UNWIND statements from
 * cypher/import/. Rows carry a content hash; unchanged rows are not rewritten, so importing the
 * same data twice reports zero changes the second time.
 */
export async function writePlan(driver: Driver, plan: ImportPlan, o: ImportOptions): Promise<ImportCounts> {
  const batchSize = o.batchSize ?? 5000;
  const session = driver.session({ database: o.database });
  try {
    return await session.executeWrite(async (tx) => {
      const counts: ImportCounts = { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 };
      const conflicts = await tx.run(cypher("import/find-kind-conflicts.cypher"), {
        rows: plan.entities.map(({ id, kind }) => ({ id, kind })),
      });
      if (conflicts.records.length > 0) throw new KindConflictError(conflicts.records.map((r) => r.toObject() as never));

      const steps: Array<[string, string, Array<Record<string, unknown>>]> = [
        ["articles", "import/merge-articles.cypher", plan.articles.map((r) => withHash({ id: r.id, props: toNeo4j(r.props) }, r))],
        [
          "entities",
          "import/merge-entities.cypher",
          plan.entities.map((r) => withHash({ id: r.id, kind: r.kind, props: toNeo4j(r.props) }, r)),
        ],
        ["mentions", "import/merge-mentions.cypher", plan.mentions.map((r) => withHash({ ...r }, r))],
        [
          "relations",
          "import/merge-relations.cypher",
          plan.relations.map((r) => withHash({ type: r.type, from: r.from, to: r.to, props: toNeo4j(r.props) }, r)),
        ],
        [
          "measures",
          "import/merge-measures.cypher",
          plan.measures.map((r) => withHash({ id: r.id, entityId: r.entityId, props: toNeo4j(r.props) }, r)),
        ],
      ];
      for (const [what, file, rows] of steps) await runBatches(tx, what, cypher(file), rows, batchSize, counts, o.log);
      return counts;
    });
  } finally {
    await session.close();
  }
}

async function runBatches(
  tx: ManagedTransaction,
  what: string,
  query: string,
  rows: Array<Record<string, unknown>>,
  batchSize: number,
  counts: ImportCounts,
  log: Logger,
) {
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const result = await tx.run(query, { rows: batch });
    const c = result.summary.counters.updates();
    counts.nodesCreated += c.nodesCreated;
    counts.relationshipsCreated += c.relationshipsCreated;
    counts.propertiesSet += c.propertiesSet;
    counts.labelsAdded += c.labelsAdded;
    log.info({ step: what, done: start + batch.length, total: rows.length }, "importing");
  }
}

function withHash<T extends Record<string, unknown>>(row: T, source: unknown): T & { hash: string } {
  return { ...row, hash: createHash("sha1").update(JSON.stringify(source)).digest("base64") };
}

/** Plan values to driver values: `{date: "2019-04"}` becomes a Neo4j Date (first day of the period). */
function toNeo4j(props: Props): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, isDate(v) ? toDate(v.date) : v]));
}

function isDate(v: PropValue): v is DateValue {
  return typeof v === "object" && !Array.isArray(v);
}

function toDate(iso: string) {
  const [y, m, d] = iso.split("-").map(Number);
  return new neo4j.types.Date(y as number, m ?? 1, d ?? 1);
}
