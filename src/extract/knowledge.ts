import path from "node:path";
import type { Driver } from "neo4j-driver";
import { cypher } from "../db/cypher.js";
import { loadCorpus, seedPaths } from "../ingest/load.js";
import type { Mention } from "../model/annotation.js";
import type { EntityDefinition, EntityKind } from "../model/entity.js";
import { divisionEntities } from "./gazetteer/division-entities.js";
import { type FormEntry, NameIndex } from "./gazetteer/name-index.js";
import { universityShortForms } from "./gazetteer/short-forms.js";
import { countryEntities, technologyFields, wellKnownOrganisations } from "./gazetteer/world-lists.js";
import { namesNoOne } from "./generic-names.js";
import type { KnownEntity } from "./types.js";

/** Where the extractor learns known entities from. */
export interface KnowledgeSources {
  /** seed folder: catalogue.json and annotations/. */
  seedDir: string;
  /** When given, entities stored in the graph are known too. */
  driver?: Driver;
  database?: string;
  /** Leave out what only these article ids define or name (leave-one-out evaluation). */
  excludeArticles?: string[];
  /** Leave out the administrative divisions (to measure what they add). */
  withoutDivisions?: boolean;
}

/** Everything the extractor knows before reading an article: the gazetteer. */
export interface Knowledge {
  readonly entities: ReadonlyMap<string, KnownEntity>;
  readonly names: NameIndex;
  readonly entityCount: number;
  /** The region each administrative division lies in (by id), for telling same-named divisions apart. */
  readonly parentOf: ReadonlyMap<string, string>;
}

/**
 * Builds the gazetteer: the catalogue, every entity the seed annotations define with the forms
 * articles used for it, China's administrative divisions, and (with a driver) the graph's entities.
 * An entity already known under one source is not added again from a later one.
 */
export async function loadKnowledge(sources: KnowledgeSources): Promise<Knowledge> {
  const entities = new Map<string, KnownEntity>();
  const parentOf = new Map<string, string>();
  const forms: FormEntry[] = [];
  const add = (def: EntityDefinition, source: KnownEntity["source"], extra: FormEntry["text"][] = [], garbled: string[] = []) => {
    const known = entities.get(def.id);
    if (known && known.source !== source && (source === "reference" || source === "graph")) return; // another entity holds the id
    if (!known) entities.set(def.id, { id: def.id, kind: def.kind, def, source });
    const kind = known?.kind ?? def.kind;
    // 战略合作协议 / 签约仪式 as an annotation saw them name any agreement or event, not this one.
    const named = (text: string) => !DESCRIBED.includes(kind) || !namesNoOne(text);
    for (const text of [...namesOf(def), ...extra].filter(named)) forms.push({ text, id: def.id, kind, source, garbled: false });
    for (const text of universityShortForms(def)) forms.push({ text, id: def.id, kind, source, garbled: false, short: true });
    for (const text of garbled) forms.push({ text, id: def.id, kind, source, garbled: true });
  };

  const { corpus } = await loadCorpus(seedPaths(path.resolve(sources.seedDir)));
  const excluded = new Set(sources.excludeArticles ?? []);
  for (const def of corpus.catalogue.entities) add(def, "catalogue");
  const sightings: Array<{ mention: Mention }> = [];
  for (const { data } of corpus.annotations) {
    if (excluded.has(data.article.id)) continue;
    for (const mention of data.entities) {
      if (!("ref" in mention)) add(definitionOf(mention), "annotation");
      sightings.push({ mention });
    }
  }
  for (const { mention } of sightings) {
    const id = "ref" in mention ? mention.ref : mention.id;
    const known = entities.get(id);
    if (known) add(known.def, known.source, mention.seen, mention.garbled ?? []);
  }
  if (!sources.withoutDivisions) {
    for (const def of [...countryEntities(), ...technologyFields(), ...wellKnownOrganisations()])
      if (!entities.has(def.id)) add(def, "reference");
    const idOfName = new Map<string, string>();
    for (const f of forms) if (!idOfName.has(f.text)) idOfName.set(f.text, f.id);
    const divisions = divisionEntities(idOfName);
    for (const def of divisions.regions) add(def, "reference");
    for (const [child, parent] of divisions.parentOf) parentOf.set(child, parent);
  }
  if (sources.driver) for (const def of await graphEntities(sources.driver, sources.database)) if (!entities.has(def.id)) add(def, "graph");
  return { entities, names: new NameIndex(forms), entityCount: entities.size, parentOf };
}

/** Kinds whose annotations' surface forms are often just a description (the agreement, 签约仪式). */
const DESCRIBED: readonly EntityKind[] = ["Agreement", "Event"];

function namesOf(def: EntityDefinition): string[] {
  return [def.name, ...Object.values(def.names ?? {}), ...Object.values(def.aliases ?? {}).flat()].filter((n): n is string => !!n);
}

function definitionOf(m: Exclude<Mention, { ref: string }>): EntityDefinition {
  const { seen: _s, garbled: _g, draft: _d, confidence: _c, rule: _r, ...def } = m;
  return def as EntityDefinition;
}

/** Entities the graph holds (ingested through the API, or seeded from elsewhere): id, kind and names. */
async function graphEntities(driver: Driver, database: string | undefined): Promise<EntityDefinition[]> {
  const { records } = await driver.executeQuery(cypher("extract/known-entities.cypher"), {}, { database, routing: "READ" });
  return records.map((r) => {
    const kind = r.get("kind") as EntityKind;
    const names = (r.get("names") as string[]).filter((n) => n !== r.get("name"));
    // Only id, kind and names matter to the matcher; the type fields are placeholders never written back.
    return { id: r.get("id"), kind, name: r.get("name"), aliases: names.length ? { en: names } : undefined } as unknown as EntityDefinition;
  });
}
