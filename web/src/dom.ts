/** A tiny element builder: h("div", { class: "x" }, "text", child). Text is always set as text, never as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined | ((e: Event) => void)> = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(key.replace(/^on/, ""), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

/** A click handler that stays on the page (links whose href is only a fallback). */
export function onClick(action: () => void): (e: Event) => void {
  return (e) => {
    e.preventDefault();
    action();
  };
}

/** Appends the children that are present. */
export function appendAll(el: Element, ...children: Array<Node | string | null | undefined>): void {
  for (const child of children) if (child !== null && child !== undefined) el.append(child);
}

export function clear(el: Element): void {
  el.replaceChildren();
}

export function download(filename: string, data: Blob | string, type = "text/plain"): void {
  const blob = typeof data === "string" ? new Blob([data], { type }) : data;
  const a = h("a", { href: URL.createObjectURL(blob), download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
