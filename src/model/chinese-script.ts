import * as OpenCC from "opencc-js";

// OpenCC's character tables, built once for the whole program: Simplified <-> Traditional, Hong Kong
// Traditional -> Simplified, and Japanese shinjitai -> Traditional / Simplified (発 -> 發 / 发), so a
// name written in any of them finds the others.

/** Simplified -> Traditional. */
export const toTraditional = OpenCC.Converter({ from: "cn", to: "t" });
/** Traditional -> Simplified. */
export const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });
/** Hong Kong Traditional -> Simplified (character for character, so offsets stay valid). */
export const hongKongToSimplified = OpenCC.Converter({ from: "hk", to: "cn" });
/** Japanese shinjitai -> Simplified Chinese. */
export const japaneseToSimplified = OpenCC.Converter({ from: "jp", to: "cn" });
const japaneseToTraditional = OpenCC.Converter({ from: "jp", to: "t" });

/** Every script variant of a text (itself, Traditional, Simplified, Japanese-to-Chinese), without duplicates. */
export function scriptVariants(text: string): string[] {
  const fromJa = japaneseToTraditional(text);
  return [...new Set([text, toTraditional(text), toSimplified(text), fromJa, toSimplified(fromJa)])];
}
