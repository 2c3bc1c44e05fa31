import hanjaModule from "hanja";

// hanja ships CommonJS with a default export.
interface Hanja {
  translate(text: string, mode: "SUBSTITUTION"): string;
}
const hanja = ((hanjaModule as unknown as { default?: Hanja }).default ?? hanjaModule) as unknown as Hanja;

const HAN = /\p{Script=Han}/u;

/**
 * The Sino-Korean reading of a Chinese name (東莞 -> 동관, 淄博市 -> 치박시): how Korean text often
 * renders Chinese places and organisations. Only for names written wholly in Han characters.
 */
export function sinoKoreanReading(traditional: string): string | undefined {
  if (!HAN.test(traditional) || /[^\p{Script=Han}]/u.test(traditional)) return undefined;
  const reading = hanja.translate(traditional, "SUBSTITUTION");
  return HAN.test(reading) ? undefined : reading;
}
