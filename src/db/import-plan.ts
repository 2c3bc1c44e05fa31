import { randomUUID } from "node:crypto";
import type { Driver, ManagedTransaction, Record as Neo4jRecord } from "neo4j-driver";
import type { ImportPlan } from "../ingest/plan.js";
import { DataError } from "../ingest/problems.js";
import type { Logger } from "../log.js";
import { cypher } from "./cypher.js";
import { type PlanRows, planRows, type Row, type Segment, type StoredState, segments, splitRows } from "./import-rows.js";

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
  /**
   * Transactions written at once when the import has several. Neo4j Community runs a transaction
   * on one thread; a second writer keeps the second core busy (BENCHMARKS.md).
   */
  writers?: number;
  log: Logger;
}

export const DEFAULT_TX_ROWS = 100_000;
export const DEFAULT_WRITERS = 2;

const noChanges = (): ImportCounts => ({ nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 });

/**
 * An import of several transactions failed after some of them committed. Nothing already stored
 * was lost (the import only adds and updates); running the same import again completes it.
 * `committedParts` names the parts the database holds as committed (read back from their
 * ImportPart marks, not counted by this process), `failedPart` the one that failed.
 */
export class PartialImportError extends Error {
  readonly committed: number;
  constructor(
    readonly committedParts: string[],
    readonly total: number,
    readonly failedPart: string,
    cause: unknown,
  ) {
    super(
      `the import failed in part ${failedPart} of its ${total} transactions, after ${committedParts.length} committed ` +
        `(${committedParts.join(", ")}): ${String((cause as Error)?.message ?? cause)}. ` +
        "Nothing already stored was lost and the committed parts stay; run the same import again to complete it (it skips what is already written).",
      { cause },
    );
    this.committed = committedParts.length;
    this.name = "PartialImportError";
  }
}

/**
 * Entities already stored under another kind: the import refuses rather than relabel them. A data
 * problem like any other, named by the file and path that define each entity.
 */
export class KindConflictError extends DataError {
  constructor(readonly conflicts: Array<{ id: string; wanted: string; stored: string[]; file: string; path: string }>) {
    super(
      conflicts.map((c) => ({
        file: c.file,
        path: c.path,
        message: `${c.id} is ${c.stored.join("/")}, data says ${c.wanted}: the graph already holds this id under another kind, and the import does not relabel stored entities`,
      })),
    );
    this.name = "KindConflictError";
  }
}

/** One transaction of an import: its ImportPart key, a label naming it in messages, and its rows. */
export interface ImportPart {
  key: string;
  label: string;
  segments: Segment[];
}

/**
 * The transactions an import of `work` is written in: one when it fits `txRows`, otherwise the
 * nodes in parts of `txRows` rows, then the relationships ("nodes 1/2", …, "links 3/5").
 */
export function importParts(work: Segment[], txRows: number, run: string): ImportPart[][] {
  const total = work.reduce((n, s) => n + s.rows.length, 0);
  if (total <= txRows) return [[{ key: `${run}:0:0`, label: "1/1", segments: work }]];
  return (["nodes", "links"] as const).map((phase, p) => {
    const parts = splitRows(
      work.filter((s) => s.phase === phase),
      txRows,
    );
    return parts.map((segments, i) => ({ key: `${run}:${p}:${i}`, label: `${phase} ${i + 1}/${parts.length}`, segments }));
  });
}

/**
 * Writes the plan with batched UNWIND statements from cypher/import/. It first reads what is
 * already stored: rows that touch only new nodes are CREATEd (no lookup of existing
 * relationships), rows stored with the same content hash are left out, the rest are MERGEd; so
 * importing the same data twice writes nothing and reports zero changes.
 *
 * A plan of up to `txRows` rows is written in ONE transaction: all or nothing. A larger one is
 * written in transactions of `txRows` rows, `writers` at a time, all nodes before the
 * relationships that need them; if one fails, the others that committed stay, and
 * PartialImportError says so. Every transaction records itself, so a driver retry after a lost
 * commit acknowledgement cannot write it twice (cypher/import/part-committed.cypher).
 */
export async function writePlan(driver: Driver, plan: ImportPlan, o: ImportOptions): Promise<ImportCounts> {
  const batchSize = o.batchSize ?? 5000;
  const txRows = o.txRows ?? DEFAULT_TX_ROWS;
  const rows = planRows(plan);
  const work = segments(rows, await readStoredState(driver, o.database, plan, rows));
  const run = randomUUID();
  const parts = importParts(work, txRows, run);
  const partCount = parts.flat().length;
  const counts = noChanges();
  const committed: ImportPart[] = [];
  let failed: ImportPart | undefined;
  const writePart = async (part: ImportPart) => {
    try {
      add(counts, await writeOnce(driver, o, part.segments, { run, key: part.key, batchSize }));
    } catch (error) {
      failed ??= part;
      throw error;
    }
    committed.push(part);
    if (partCount > 1) o.log.info({ committed: committed.length, of: partCount, part: part.label }, "import transaction committed");
  };
  try {
    for (const phase of parts) await inParallel(phase, partCount > 1 ? (o.writers ?? DEFAULT_WRITERS) : 1, writePart);
    return counts;
  } catch (error) {
    // Which parts committed is read back from their marks: a part whose commit acknowledgement was
    // lost is committed all the same, and one this process counted must really be there.
    const stored = await committedParts(driver, o.database, run).catch(() => undefined);
    const done = parts.flat().filter((p) => (stored ? stored.has(p.key) : committed.includes(p)));
    if (done.length === 0) throw error;
    throw new PartialImportError(
      done.map((p) => p.label),
      partCount,
      failed?.label ?? "?",
      error,
    );
  } finally {
    await driver
      .executeQuery(cypher("import/clear-parts.cypher"), { run }, { database: o.database })
      .catch((err: Error) => o.log.warn({ err }, "could not clear the import's part marks (harmless; cleared a day later)"));
  }
}

/** The keys of the parts of import run `run` that committed (their ImportPart marks). */
async function committedParts(driver: Driver, database: string, run: string): Promise<Set<string>> {
  const { records } = await driver.executeQuery("MATCH (p:ImportPart {run: $run}) RETURN p.id AS id", { run }, { database });
  return new Set(records.map((r) => r.get("id") as string));
}

/**
 * Writes one part in its own transaction, unless a previous attempt of it already committed:
 * the driver retries a transaction whose commit acknowledgement was lost.
 */
export async function writeOnce(
  driver: Driver,
  o: ImportOptions,
  part: Segment[],
  marker: { run: string; key: string; batchSize: number },
): Promise<ImportCounts> {
  let counts = noChanges();
  const session = driver.session({ database: o.database });
  try {
    await session.executeWrite(async (tx) => {
      const done = await tx.run(cypher("import/part-committed.cypher"), { part: marker.key });
      if (done.records[0]?.get("committed") === true) return; // `counts` holds the attempt that committed
      counts = noChanges();
      for (const { what, file, rows } of part) await runBatches(tx, what, cypher(file), rows, marker.batchSize, counts, o.log);
      await tx.run(cypher("import/mark-part.cypher"), { part: marker.key, run: marker.run });
    });
    return counts;
  } finally {
    await session.close();
  }
}

/**
 * Writes a plan inside the caller's transaction: reads what is stored and CREATEs, MERGEs or skips
 * each row as writePlan does, all in that one transaction, so the caller's other writes commit or
 * fail with it (the review API). Meant for plans that fit one transaction (see `txRows`).
 */
export async function writePlanInTransaction(
  tx: ManagedTransaction,
  plan: ImportPlan,
  o: { batchSize?: number; log: Logger },
): Promise<ImportCounts> {
  const rows = planRows(plan);
  const work = segments(rows, await storedStateIn(tx, plan, rows));
  const counts = noChanges();
  for (const { what, file, rows } of work) await runBatches(tx, what, cypher(file), rows, o.batchSize ?? 5000, counts, o.log);
  return counts;
}

/** Runs `fn` over the items, `width` at a time; after a failure starts no more, and rethrows it once the running ones end. */
async function inParallel<T>(items: T[], width: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const i = next++;
      try {
        await fn(items[i] as T, i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  if (failure) throw failure.error;
}

function add(total: ImportCounts, part: ImportCounts) {
  for (const key of Object.keys(total) as Array<keyof ImportCounts>) total[key] += part[key];
}

/** What the database holds of the plan, read in a transaction of its own. */
async function readStoredState(driver: Driver, database: string, plan: ImportPlan, rows: PlanRows): Promise<StoredState> {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    return await session.executeRead((tx) => storedStateIn(tx, plan, rows));
  } finally {
    await session.close();
  }
}

/**
 * What the database holds of the plan: stored ids with their hashes (refusing entities stored
 * under another kind), and which mention and relation rows between stored nodes are unchanged.
 */
async function storedStateIn(tx: ManagedTransaction, plan: ImportPlan, rows: PlanRows): Promise<StoredState> {
  const stored = await storedIds(tx, plan);
  const isStored = (ids: Map<string, unknown>, id: unknown) => ids.has(id as string);
  const mentions = indexBy(
    rows.mentions,
    (r) => isStored(stored.articles, r.articleId) && isStored(stored.entities, r.entityId),
    (r) => [r.articleId, r.entityId],
  );
  const relations = indexBy(
    rows.relations,
    (r) => isStored(stored.entities, r.from) && isStored(stored.entities, r.to),
    (r) => [r.from, r.type, r.to],
  );
  return {
    ...stored,
    unchangedMentions: await unchanged(tx, "import/stored-mentions.cypher", 1_000, mentions, (r) => [
      r.get("articleId"),
      r.get("entityId"),
    ]),
    unchangedRelations: await unchanged(tx, "import/stored-relations.cypher", 10_000, relations, (r) => [
      r.get("from"),
      r.get("type"),
      r.get("to"),
    ]),
  };
}

/** Plan rows that join stored nodes, by their key: the row's index, hash, and the id the read starts from. */
interface Candidates {
  byKey: Map<string, { index: number; hash: string }>;
  startIds: string[];
}

function indexBy<R extends Row>(rows: R[], joinsStored: (row: R) => boolean, key: (row: R) => unknown[]): Candidates {
  const byKey = new Map<string, { index: number; hash: string }>();
  const startIds = new Set<string>();
  rows.forEach((row, index) => {
    if (!joinsStored(row)) return;
    const parts = key(row);
    byKey.set(parts.join("\u0001"), { index, hash: row.hash });
    startIds.add(parts[0] as string);
  });
  return { byKey, startIds: [...startIds] };
}

/** Streams the stored relationships from the candidates' start nodes; returns the rows stored with the same hash. */
async function unchanged(
  tx: ManagedTransaction,
  file: string,
  idsPerQuery: number,
  candidates: Candidates,
  key: (record: Neo4jRecord) => unknown[],
): Promise<Set<number>> {
  const found = new Set<number>();
  for (let start = 0; start < candidates.startIds.length; start += idsPerQuery) {
    for await (const record of tx.run(cypher(file), { ids: candidates.startIds.slice(start, start + idsPerQuery) })) {
      const row = candidates.byKey.get(key(record).join("\u0001"));
      if (row && row.hash === record.get("hash")) found.add(row.index);
    }
  }
  return found;
}

/** The plan's ids the database already holds, with their hashes; refuses entities stored under another kind. */
async function storedIds(tx: ManagedTransaction, plan: ImportPlan): Promise<Omit<StoredState, "unchangedMentions" | "unchangedRelations">> {
  const result = await tx.run(cypher("import/existing-ids.cypher"), {
    entityIds: plan.entities.map((e) => e.id),
    articleIds: plan.articles.map((a) => a.id),
    measureIds: plan.measures.map((m) => m.id),
  });
  const stored = {
    entities: new Map<string, string | null>(),
    articles: new Map<string, string | null>(),
    measures: new Map<string, string | null>(),
  };
  const storedKinds = new Map<string, string[]>();
  for (const r of result.records) {
    const id = r.get("id") as string;
    const label = r.get("label") as string;
    (label === "Entity" ? stored.entities : label === "Article" ? stored.articles : stored.measures).set(
      id,
      r.get("hash") as string | null,
    );
    if (label === "Entity") storedKinds.set(id, r.get("kinds") as string[]);
  }
  const conflicts = plan.entities
    .filter((e) => storedKinds.has(e.id) && !storedKinds.get(e.id)?.includes(e.kind))
    .map((e) => {
      const origin = plan.entityOrigins?.get(e.id) ?? { file: "(import plan)", path: `entities.${e.id}` };
      return { id: e.id, wanted: e.kind, stored: storedKinds.get(e.id) as string[], ...origin };
    });
  if (conflicts.length > 0) throw new KindConflictError(conflicts);
  return stored;
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
    const sent = tx.run(query, { rows: batch }).then(({ records, summary }) => {
      const c = summary.counters.updates();
      counts.nodesCreated += c.nodesCreated;
      // Relationships a procedure created (merge-relations.cypher) are not in the counters.
      const byProcedure = records[0]?.has("procedureCreated") ? Number(records[0].get("procedureCreated")) : 0;
      counts.relationshipsCreated += c.relationshipsCreated + byProcedure;
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
