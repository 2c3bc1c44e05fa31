import { createRequire } from "node:module";
import path from "node:path";
import kuromoji from "kuromoji";

/** A kuromoji (IPADIC) token with its offsets. */
export interface JaToken {
  surface: string;
  pos: string;
  detail1: string;
  detail2: string;
  start: number;
  end: number;
}

let loading: Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>> | undefined;

/** Loads kuromoji's IPADIC dictionary once (about 1 s). */
export function loadJapaneseTokenizer(): Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>> {
  const dicPath = path.join(path.dirname(createRequire(import.meta.url).resolve("kuromoji/package.json")), "dict");
  loading ??= new Promise((resolve, reject) =>
    kuromoji.builder({ dicPath }).build((err, tokenizer) => (err ? reject(err) : resolve(tokenizer))),
  );
  return loading;
}

export function tokensOf(tokenizer: kuromoji.Tokenizer<kuromoji.IpadicFeatures>, text: string): JaToken[] {
  return tokenizer.tokenize(text).map((t) => ({
    surface: t.surface_form,
    pos: t.pos,
    detail1: t.pos_detail_1,
    detail2: t.pos_detail_2,
    start: t.word_position - 1,
    end: t.word_position - 1 + t.surface_form.length,
  }));
}
