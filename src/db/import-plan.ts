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

type Row = Record<string, unknown>;

/** One kind of row, split into what is new (CREATE) and what may already be stored (hash-guarded MERGE). */
interface Step {
  what: string;
  create: { file: string; rows: Row[] };
  merge: { file: string; rows: Row[] };
}

/**
 * Writes the plan in ONE transaction (all or nothing) with batched UNWIND statements from
 * cypher/import/. It first asks which ids are already stored: rows that touch only new nodes are
 * CREATEd (no lookup of existing relationships), the rest are MERGEd. Rows carry a content hash;
 * unchanged rows are not rewritten, so importing the same data twice reports zero changes.
 */
export async function writePlan(driver: Driver, plan: ImportPlan, o: ImportOptions): Promise<ImportCounts> {
  const batchSize = o.batchSize ?? 5000;
  const session = driver.session({ database: o.database });
  try {
    return await session.executeWrite(async (tx) => {
      const stored = await storedIds(tx, plan);
      const counts: ImportCounts = { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 };
      for (const step of steps(plan, stored)) {
        for (const { file, rows } of [step.create, step.merge]) {
          await runBatches(tx, step.what, cypher(file), rows, batchSize, counts, o.log);
        }
      }
      return counts;
    });
  } finally {
    await session.close();
  }
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

/** The write order: nodes before the relationships that need them. */
function steps(plan: ImportPlan, stored: StoredIds): Step[] {
  const split = (what: string, file: string, rows: Row[], isStored: (row: Row) => boolean): Step => ({
    what,
    create: { file: `import/create-${file}`, rows: rows.filter((r) => !isStored(r)) },
    merge: { file: `import/merge-${file}`, rows: rows.filter(isStored) },
  });
  const entity = (id: unknown) => stored.entities.has(id as string);
  return [
    split(
      "articles",
      "articles.cypher",
      plan.articles.map((r) => withHash({ id: r.id, props: toNeo4j(r.props) }, r)),
      (r) => stored.articles.has(r.id as string),
    ),
    split(
      "entities",
      "entities.cypher",
      plan.entities.map((r) => withHash({ id: r.id, kind: r.kind, props: toNeo4j(r.props) }, r)),
      (r) => entity(r.id),
    ),
    split(
      "mentions",
      "mentions.cypher",
      plan.mentions.map((r) => withHash({ ...r }, r)),
      (r) => stored.articles.has(r.articleId as string) && entity(r.entityId),
    ),
    split(
      "relations",
      "relations.cypher",
      plan.relations.map((r) => withHash({ type: r.type, from: r.from, to: r.to, props: toNeo4j(r.props) }, r)),
      (r) => entity(r.from) && entity(r.to),
    ),
    split(
      "measures",
      "measures.cypher",
      plan.measures.map((r) => withHash({ id: r.id, entityId: r.entityId, props: toNeo4j(r.props) }, r)),
      (r) => stored.measures.has(r.id as string),
    ),
  ];
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
