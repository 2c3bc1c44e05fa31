import { type Kind, type SearchHit, search } from "./api.js";
import { clear, h } from "./dom.js";
import { KIND_STYLE } from "./kinds.js";
import { draftsIncluded } from "./route.js";

export interface SearchBoxOptions {
  placeholder: string;
  kinds?: Kind[];
  /** Called when the user picks a hit (click, or Enter on the highlighted one). */
  onPick: (hit: SearchHit) => void;
  testId: string;
}

/**
 * A search field with results as you type: kind, canonical name and the alias that matched.
 * Arrow keys move through the results, Enter picks, Escape closes.
 */
export class SearchBox {
  readonly element: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private hits: SearchHit[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  constructor(private readonly o: SearchBoxOptions) {
    this.input = h("input", {
      type: "search",
      placeholder: o.placeholder,
      autocomplete: "off",
      "data-testid": `${o.testId}-input`,
      "aria-label": o.placeholder,
    });
    this.list = h("ul", { class: "hits", role: "listbox", "data-testid": `${o.testId}-hits` });
    this.element = h("div", { class: "search-box" }, this.input, this.list);
    this.input.addEventListener("input", () => this.schedule());
    this.input.addEventListener("keydown", (e) => this.onKey(e));
    this.input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
  }

  /** Shows a picked entity's name in the field without searching. */
  setValue(text: string): void {
    this.input.value = text;
    this.close();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), 150);
  }

  private async run(): Promise<void> {
    const text = this.input.value.trim();
    const seq = ++this.seq;
    if (!text) return this.close();
    const hits = await search(text, this.o.kinds, { includeDrafts: draftsIncluded() }).catch(() => []);
    if (seq !== this.seq) return; // a newer keystroke has taken over
    this.hits = hits;
    this.active = hits.length ? 0 : -1;
    this.render(text);
  }

  private render(text: string): void {
    clear(this.list);
    if (!this.hits.length) {
      this.list.append(h("li", { class: "empty" }, `No entity matches “${text}”`));
    }
    this.hits.forEach((hit, i) => {
      const alias = matchingAlias(hit, text);
      const style = KIND_STYLE[hit.kind];
      const li = h(
        "li",
        { role: "option", class: i === this.active ? "active" : "", "data-id": hit.id, onmousedown: () => this.pick(i) },
        h("span", { class: "badge", style: `background:${style.color}` }, style.label),
        h("span", { class: "name" }, hit.name),
        alias ? h("span", { class: "alias" }, alias) : null,
      );
      this.list.append(li);
    });
    this.list.classList.add("open");
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!this.hits.length) return;
      this.active = (this.active + (e.key === "ArrowDown" ? 1 : -1) + this.hits.length) % this.hits.length;
      for (const [i, li] of [...this.list.querySelectorAll("li")].entries()) li.classList.toggle("active", i === this.active);
    } else if (e.key === "Enter" && this.active >= 0) {
      e.preventDefault();
      this.pick(this.active);
    } else if (e.key === "Escape") {
      this.close();
    }
  }

  private pick(i: number): void {
    const hit = this.hits[i];
    if (!hit) return;
    this.setValue(hit.name);
    this.o.onPick(hit);
  }

  private close(): void {
    this.list.classList.remove("open");
    clear(this.list);
  }
}

/** The name or alias that the text matched, when it is not the canonical name itself. */
function matchingAlias(hit: SearchHit, text: string): string | undefined {
  const t = text.toLowerCase();
  const direct = hit.names.find((n) => n.toLowerCase().includes(t));
  if (direct && direct !== hit.name) return direct;
  if (direct) return undefined;
  // Matched through another script (Traditional for Simplified, Japanese forms): show a CJK name.
  return hit.names.find((n) => /[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}]/u.test(n));
}
