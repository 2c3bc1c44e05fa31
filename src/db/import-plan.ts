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
  /** Rows per UNWIND statement. */
  batchSize?: number;
  /**
   * Rows per transaction. Neo4j holds a transaction's changes on its heap (about 5 KB per
   * relationship, BENCHMARKS.md), so a corpus larger than this is written in several transactions.
   */
  txRows?: number;
  log: Logger;
}

export const DEFAULT_TX_ROWS = 100_000;

const noChanges = (): ImportCounts => ({ nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 });

/**
 * An import of several transactions failed after some of them committed. Nothing already stored
 * was lost (the import only adds and updates); running the same import again completes it.
 */
export class PartialImportError extends Error {
  constructor(
    readonly committed: number,
    readonly total: number,
    cause: unknown,
  ) {
    super(
      `the import failed in transaction ${committed + 1} of ${total}, after ${committed} committed: ${String((cause as Error)?.message ?? cause)}. ` +
        "Nothing already stored was lost; run the same import again to complete it (it skips what is already written).",
      { cause },
    );
    this.name = "PartialImportError";
  }
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

type Row = Record<string, unknown>;

/** Rows for one statement: `file` under cypher/, `what` for progress logs. */
interface Segment {
  what: string;
  file: string;
  rows: Row[];
}

/**
 * Writes the plan with batched UNWIND statements from cypher/import/. It first asks which ids are
 * already stored: rows that touch only new nodes are CREATEd (no lookup of existing
 * relationships), the rest are MERGEd. Rows carry a content hash; unchanged rows are not
 * rewritten, so importing the same data twice reports zero changes.
 *
 * A plan of up to `txRows` rows is written in ONE transaction: all or nothing. A larger one is
 * written in transactions of `txRows` rows, nodes before the relationships that need them; if one
 * fails, the earlier ones stay committed and PartialImportError says so.
 */
export async function writePlan(driver: Driver, plan: ImportPlan, o: ImportOptions): Promise<ImportCounts> {
  const batchSize = o.batchSize ?? 5000;
  const session = driver.session({ database: o.database });
  try {
    const stored = await session.executeRead((tx) => storedIds(tx, plan));
    const transactions = splitRows(segments(plan, stored), o.txRows ?? DEFAULT_TX_ROWS);
    const counts = noChanges();
    for (const [i, work] of transactions.entries()) {
      try {
        const written = await session.executeWrite(async (tx) => {
          const c = noChanges();
          for (const { what, file, rows } of work) await runBatches(tx, what, cypher(file), rows, batchSize, c, o.log);
          return c;
        });
        for (const key of Object.keys(counts) as Array<keyof ImportCounts>) counts[key] += written[key];
      } catch (error) {
        if (i === 0) throw error;
        throw new PartialImportError(i, transactions.length, error);
      }
      if (transactions.length > 1) o.log.info({ transaction: i + 1, of: transactions.length }, "import transaction committed");
    }
    return counts;
  } finally {
    await session.close();
  }
}

/** Cuts the segments, in order, into transactions of at most `txRows` rows. */
function splitRows(work: Segment[], txRows: number): Segment[][] {
  const transactions: Segment[][] = [[]];
  let room = txRows;
  for (const segment of work) {
    for (let start = 0; start < segment.rows.length; ) {
      if (room === 0) {
        transactions.push([]);
        room = txRows;
      }
      const rows = segment.rows.slice(start, start + room);
      transactions.at(-1)?.push({ ...segment, rows });
      start += rows.length;
      room -= rows.length;
    }
  }
  return transactions;
}

interface StoredIds {
  entities: Set<string>;
  articles: Set<string>;
  measures: Set<string>;
}

/** The plan's ids the database already holds; refuses entities stored under another kind. */
async function storedIds(tx: ManagedTransaction, plan: ImportPlan): Promise<StoredIds> {
  const result = await tx.run(cypher("import/existing-ids.cypher"), {
    entityIds: plan.entities.map((e) => e.id),
    articleIds: plan.articles.map((a) => a.id),
    measureIds: plan.measures.map((m) => m.id),
  });
  const stored: StoredIds = { entities: new Set(), articles: new Set(), measures: new Set() };
  const storedKinds = new Map<string, string[]>();
  for (const r of result.records) {
    const id = r.get("id") as string;
    if (r.get("label") === "Entity") {
      stored.entities.add(id);
      storedKinds.set(id, r.get("kinds") as string[]);
    } else (r.get("label") === "Article" ? stored.articles : stored.measures).add(id);
  }
  const conflicts = plan.entities
    .filter((e) => storedKinds.has(e.id) && !storedKinds.get(e.id)?.includes(e.kind))
    .map((e) => ({ id: e.id, wanted: e.kind, stored: storedKinds.get(e.id) as string[] }));
  if (conflicts.length > 0) throw new KindConflictError(conflicts);
  return stored;
}

/** The write order: nodes before the relationships that need them; new rows CREATEd, the rest MERGEd. */
function segments(plan: ImportPlan, stored: StoredIds): Segment[] {
  const split = (what: string, file: string, rows: Row[], isStored: (row: Row) => boolean): Segment[] => [
    { what, file: `import/create-${file}`, rows: rows.filter((r) => !isStored(r)) },
    { what, file: `import/merge-${file}`, rows: rows.filter(isStored) },
  ];
  const entity = (id: unknown) => stored.entities.has(id as string);
  return [
    ...split(
      "articles",
      "articles.cypher",
      plan.articles.map((r) => withHash({ id: r.id, props: toNeo4j(r.props) }, r)),
      (r) => stored.articles.has(r.id as string),
    ),
    ...split(
      "entities",
      "entities.cypher",
      plan.entities.map((r) => withHash({ id: r.id, kind: r.kind, props: toNeo4j(r.props) }, r)),
      (r) => entity(r.id),
    ),
    ...split(
      "mentions",
      "mentions.cypher",
      plan.mentions.map((r) => withHash({ ...r }, r)),
      (r) => stored.articles.has(r.articleId as string) && entity(r.entityId),
    ),
    ...split(
      "relations",
      "relations.cypher",
      plan.relations.map((r) => withHash({ type: r.type, from: r.from, to: r.to, props: toNeo4j(r.props) }, r)),
      (r) => entity(r.from) && entity(r.to),
    ),
    ...split(
      "measures",
      "measures.cypher",
      plan.measures.map((r) => withHash({ id: r.id, entityId: r.entityId, props: toNeo4j(r.props) }, r)),
      (r) => stored.measures.has(r.id as string),
    ),
  ].filter((segment) => segment.rows.length > 0);
}

/**
 * Sends the batches pipelined: up to PIPELINE statements are in flight at once, so the driver
 * encodes the next batch while Neo4j runs the current one (the two use different cores).
 */
const PIPELINE = 3;

async function runBatches(
  tx: ManagedTransaction,
  what: string,
  query: string,
  rows: Row[],
  batchSize: number,
  counts: ImportCounts,
  log: Logger,
) {
  const inFlight: Array<Promise<void>> = [];
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const done = start + batch.length;
    const sent = tx
      .run(query, { rows: batch })
      .summary()
      .then((summary) => {
        const c = summary.counters.updates();
        counts.nodesCreated += c.nodesCreated;
        counts.relationshipsCreated += c.relationshipsCreated;
        counts.propertiesSet += c.propertiesSet;
        counts.labelsAdded += c.labelsAdded;
        log.info({ step: what, done, total: rows.length }, "importing");
      });
    sent.catch(() => {}); // awaited below; this only keeps a later batch's failure from going unhandled meanwhile
    inFlight.push(sent);
    if (inFlight.length >= PIPELINE) await inFlight.shift();
  }
  await Promise.all(inFlight);
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
