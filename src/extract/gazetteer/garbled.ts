/**
 * Word swaps that article spinners (machine rewording to dodge duplicate detection) make in
 * Chinese, Simplified forms: the right word and the synonym it gets replaced by. A known name
 * rewritten this way (中国科学院物理研讨所) still resolves to its entity, kept as a garbled alias.
 */
export const SPUN_SWAPS: ReadonlyArray<readonly [string, string]> = [
  ["研究", "研讨"],
  ["技术", "技能"],
  ["创新", "立异"],
  ["材料", "资料"],
  ["散裂", "散列"],
  ["产业", "工业"],
  ["发展", "展开"],
  ["机构", "组织"],
  ["行业", "职业"],
  ["平台", "渠道"],
  ["研发", "研制"],
  ["能源", "动力"],
];

/** The spun variants of a Simplified name: each swap alone and all of them together. */
export function spunVariants(name: string): string[] {
  const out = new Set<string>();
  let all = name;
  for (const [word, spun] of SPUN_SWAPS) {
    if (!name.includes(word)) continue;
    out.add(name.replaceAll(word, spun));
    all = all.replaceAll(word, spun);
  }
  out.add(all);
  out.delete(name);
  return [...out];
}
