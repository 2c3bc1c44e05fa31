import type { RawCorpus } from "../ingest/load.js";
import { asReference, definedKinds } from "../ingest/stored.js";
import type { Annotation } from "../model/annotation.js";

/**
 * Fits a new draft into the corpus before it is stored: an entity it defines that the corpus
 * already defines with the same kind becomes a reference to it (the extractor's gazetteer may not
 * know an entity another article defined a moment ago), and one the corpus defines with another
 * kind gets a free id (`<id>-2`, …) throughout the draft. So stored drafts never define an id twice.
 */
export function fitDraft(draft: Annotation, corpus: RawCorpus): Annotation {
  const kinds = definedKinds(corpus);
  const taken = new Set([...kinds.keys(), ...draft.entities.map((m) => ("ref" in m ? m.ref : m.id))]);
  const renamed = new Map<string, string>();
  const entities = draft.entities.map((m) => {
    if ("ref" in m || !kinds.has(m.id)) return m;
    if (kinds.get(m.id) === m.kind) return asReference(m, kinds);
    const id = freeId(m.id, taken);
    taken.add(id);
    renamed.set(m.id, id);
    return { ...m, id };
  });
  const rename = (id: string) => renamed.get(id) ?? id;
  return {
    ...draft,
    entities,
    relations: draft.relations.map((r) => ({ ...r, from: rename(r.from), to: rename(r.to) })),
    measures: draft.measures.map((m) => ({ ...m, entity: rename(m.entity) })),
  };
}

function freeId(id: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}
