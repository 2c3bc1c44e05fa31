/** How the explorer words the extractor's marks on a fact: confidence as a percentage, the rule that drafted it. */

export function percent(confidence: number | null | undefined): string | undefined {
  return confidence === null || confidence === undefined ? undefined : `${Math.round(confidence * 100)}%`;
}

/** "draft, 72% · rule zh.trigger.sign" (the parts that are known). */
export function draftNote(confidence: number | null | undefined, rule: string | null | undefined, status = "draft"): string {
  const p = percent(confidence);
  return `${status}${p ? `, ${p}` : ""}${rule ? ` · rule ${rule}` : ""}`;
}
