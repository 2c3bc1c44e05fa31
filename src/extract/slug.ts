/** A readable entity id from an English name: lowercase ASCII words joined by hyphens (Zibo – CUHK → zibo-cuhk). */
export function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
