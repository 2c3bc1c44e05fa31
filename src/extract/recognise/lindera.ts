import lindera from "lindera-wasm-nodejs-cjk";

/** A ko-dic token from lindera: proper nouns carry a class (인명 person, 지명 place). */
export interface KoToken {
  surface: string;
  tag: string;
  meaning: string;
}

let tokenizer: { tokenize(text: string): Array<{ surface: string; partOfSpeechTag: string; meaning: string }> } | undefined;

/** ko-dic tokens of a Korean text (the dictionary is embedded in the package; first call loads it). */
export function koreanTokens(text: string): KoToken[] {
  if (!tokenizer) {
    const builder = new lindera.TokenizerBuilder();
    builder.setDictionary("embedded://ko-dic");
    builder.setMode("normal");
    tokenizer = builder.build();
  }
  return tokenizer.tokenize(text).map((t) => ({ surface: t.surface, tag: t.partOfSpeechTag, meaning: t.meaning }));
}
