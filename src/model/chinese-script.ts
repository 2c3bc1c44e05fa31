import * as OpenCC from "opencc-js";

// OpenCC's character tables: Simplified -> Traditional, Traditional -> Simplified, and Japanese
// shinjitai -> Traditional (発 -> 發), so a name written in any of the three finds the others.
const toTraditional = OpenCC.Converter({ from: "cn", to: "t" });
const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });
const fromJapanese = OpenCC.Converter({ from: "jp", to: "t" });

/** Every script variant of a text (itself, Traditional, Simplified, Japanese-to-Chinese), without duplicates. */
export function scriptVariants(text: string): string[] {
  const traditional = toTraditional(text);
  const fromJa = fromJapanese(text);
  return [...new Set([text, traditional, toSimplified(text), fromJa, toSimplified(fromJa)])];
}
