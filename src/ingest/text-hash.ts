import { hash } from "node:crypto";

/** The SHA-256 of an article's text (hex): stored on every :Article, so the same text is found again. */
export function textHash(text: string): string {
  return hash("sha256", text, "hex");
}
