import type { DataProblem } from "../ingest/problems.js";
import type { Annotation } from "../model/annotation.js";

/**
 * Removes from a new draft the facts the linker refuses (a quote not found verbatim, a relation
 * whose ends are of kinds its type does not allow, a reference that resolves to nothing), so one
 * bad guess of the extractor does not cost the whole article. `problems` are the draft's own, as
 * paths such as `relations[3].quote` or `entities[2].ref`. A problem with the article block itself
 * cannot be pruned: returns undefined.
 */
export function pruneDraft(draft: Annotation, problems: DataProblem[]): Annotation | undefined {
  const drop = { entities: new Set<number>(), relations: new Set<number>(), measures: new Set<number>() };
  for (const { path } of problems) {
    const m = /^(entities|relations|measures)\[(\d+)\]/.exec(path);
    if (!m) return undefined;
    drop[m[1] as keyof typeof drop].add(Number(m[2]));
  }
  const entities = draft.entities.filter((_, i) => !drop.entities.has(i));
  const ids = new Set(entities.map((m) => ("ref" in m ? m.ref : m.id)));
  return {
    ...draft,
    entities,
    relations: draft.relations.filter((r, i) => !drop.relations.has(i) && ids.has(r.from) && ids.has(r.to)),
    measures: draft.measures.filter((m, i) => !drop.measures.has(i) && ids.has(m.entity)),
  };
}
