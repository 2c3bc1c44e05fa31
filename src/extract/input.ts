import { isUtf8 } from "node:buffer";
import { convert as htmlToText } from "html-to-text";

/** The most an article may weigh; news texts are a few kilobytes. */
export const MAX_ARTICLE_BYTES = 1024 * 1024;

/** The input cannot be read as an article; `source` names the file (or `-` for stdin). */
export class ExtractInputError extends Error {
  constructor(
    readonly source: string,
    reason: string,
  ) {
    super(`${source}: ${reason}`);
    this.name = "ExtractInputError";
  }
}

/**
 * Checks raw bytes and decodes them into article text: UTF-8 only, not empty, not binary, at most
 * 1 MB; a BOM is dropped; HTML has its markup stripped (paragraphs become lines).
 */
export function decodeArticle(bytes: Uint8Array, source: string): { text: string; wasHtml: boolean } {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    throw new ExtractInputError(source, `is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; an article may be at most 1 MB`);
  }
  if (bytes.includes(0)) throw new ExtractInputError(source, "looks binary (it contains NUL bytes), not an article text");
  if (!isUtf8(bytes)) throw new ExtractInputError(source, "is not valid UTF-8 text (convert it to UTF-8 first, e.g. with iconv)");
  let text = new TextDecoder("utf-8").decode(bytes);
  const controls = countControlCharacters(text);
  if (controls > 0 && controls / text.length > 0.01)
    throw new ExtractInputError(source, "looks binary (control characters), not an article text");
  const wasHtml = looksLikeHtml(text);
  if (wasHtml)
    text = htmlToText(text, {
      wordwrap: false,
      selectors: [
        { selector: "a", options: { ignoreHref: true } },
        { selector: "img", format: "skip" },
      ],
    });
  text = text.replace(/\r\n?/g, "\n").trim();
  if (text.length === 0) throw new ExtractInputError(source, wasHtml ? "holds no text once its HTML markup is removed" : "is empty");
  return { text, wasHtml };
}

function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype\s+html|html|head|body|p|div|br|article|span|h[1-6]|section)\b[^>]*>/i.test(text.slice(0, 5000));
}

/** C0 control characters other than tab, line feed, carriage return and form feed. */
function countControlCharacters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) n++;
  }
  return n;
}
