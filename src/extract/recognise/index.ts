import type { Lang } from "../../model/primitives.js";
import type { Recogniser } from "../types.js";
import { chineseRecogniser } from "./chinese.js";
import { englishRecogniser } from "./english.js";
import { japaneseRecogniser } from "./japanese.js";
import { koreanRecogniser } from "./korean.js";
import { loadJapaneseTokenizer } from "./kuromoji.js";

/** The recogniser of new entities for a language (Japanese loads kuromoji's dictionary on first use). */
export async function recogniserFor(lang: Lang): Promise<Recogniser> {
  switch (lang) {
    case "zh-Hans":
    case "zh-Hant":
      return chineseRecogniser(lang);
    case "ja":
      return japaneseRecogniser(await loadJapaneseTokenizer());
    case "ko":
      return koreanRecogniser();
    case "en":
      return englishRecogniser();
  }
}
