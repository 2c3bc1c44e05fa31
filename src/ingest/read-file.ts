import { readFile } from "node:fs/promises";
import { type ParseError, printParseErrorCode, visit } from "jsonc-parser";
import { jsonPath } from "./problems.js";

/**
 * How every file of the article data is read, article texts and JSON files alike: as strict UTF-8
 * (an invalid byte is an error naming its offset, never a U+FFFD in the graph), with a leading
 * byte-order mark stripped (it marks the encoding; it is not part of the text).
 */
export type ReadResult = { ok: true; text: string } | { ok: false; missing: boolean; message: string };

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export async function readUtf8File(file: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { ok: false, missing: true, message: "missing: no such file" };
    return { ok: false, missing: false, message: `cannot read file: ${(err as Error).message}` };
  }
  return decodeUtf8(bytes);
}

/** Strict UTF-8 with the BOM stripped (TextDecoder's `ignoreBOM: false` consumes it). */
export function decodeUtf8(bytes: Uint8Array): ReadResult {
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1;
    const shown = Array.from(bytes.subarray(at, at + 4), (b) => b.toString(16).padStart(2, "0")).join(" ");
    return {
      ok: false,
      missing: false,
      message: `not valid UTF-8: invalid byte sequence at byte ${at} (line ${line}: ${shown}); save the file as UTF-8`,
    };
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** A JSON problem at a JSON path inside the file. */
export interface JsonProblem {
  path: string;
  message: string;
}

/**
 * Strict JSON: `JSON.parse` for the value, and jsonc-parser's scanner (no comments, no trailing
 * commas) to refuse an object that names one key twice, which `JSON.parse` silently resolves to
 * the last value. Returns the value, or every duplicate key with its JSON path.
 */
export function parseStrictJson(text: string): { ok: true; value: unknown } | { ok: false; problems: JsonProblem[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [{ path: "", message: `not valid JSON: ${(err as Error).message}` }] };
  }
  const problems: JsonProblem[] = [];
  const keys: Array<Set<string>> = [];
  const errors: ParseError[] = [];
  visit(
    text,
    {
      onObjectBegin: () => void keys.push(new Set()),
      onObjectEnd: () => void keys.pop(),
      onObjectProperty: (name, _offset, _length, line, column, pathSupplier) => {
        const seen = keys.at(-1);
        if (!seen) return;
        if (seen.has(name)) {
          problems.push({
            path: jsonPath([...pathSupplier(), name]),
            message: `duplicate key "${name}" (line ${line + 1}, column ${column + 1}): each key may appear once in an object`,
          });
        }
        seen.add(name);
      },
      onError: (error, offset) => void errors.push({ error, offset, length: 0 }),
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  // JSON.parse accepted the text, so the scanner should too; if it does not, say so rather than guess.
  if (errors.length > 0 && problems.length === 0) {
    const e = errors[0] as ParseError;
    return { ok: false, problems: [{ path: "", message: `not valid JSON: ${printParseErrorCode(e.error)} at offset ${e.offset}` }] };
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}
