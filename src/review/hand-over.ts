import type { Annotation } from "../model/annotation.js";
import { type Definition, mentionId } from "./edit.js";

export interface StoredAnnotation {
  articleId: string;
  annotation: Annotation;
}

/**
 * An entity one ingested article defined and no longer does (its definition was rejected) may be
 * named by other ingested articles, whose drafts refer to it: the first of them (by article id)
 * takes the definition over, keeping its own surface forms and marks, so their facts stay valid.
 * Returns the annotations that changed.
 */
export function handOverDefinitions(dropped: Definition[], others: StoredAnnotation[]): StoredAnnotation[] {
  const changed = new Map<string, StoredAnnotation>();
  const sorted = [...others].sort((a, b) => a.articleId.localeCompare(b.articleId));
  for (const def of dropped) {
    const heir = sorted.find((o) => (changed.get(o.articleId) ?? o).annotation.entities.some((m) => "ref" in m && m.ref === def.id));
    if (!heir) continue;
    const current = changed.get(heir.articleId) ?? heir;
    const entities = current.annotation.entities.map((m) => {
      if (!("ref" in m) || mentionId(m) !== def.id) return m;
      const { ref: _ref, ...sightings } = m;
      const { seen: _seen, garbled: _garbled, draft: _draft, confidence: _confidence, rule: _rule, ...fields } = def;
      return { ...fields, ...sightings } as Definition;
    });
    changed.set(heir.articleId, { articleId: heir.articleId, annotation: { ...current.annotation, entities } });
  }
  return [...changed.values()];
}
