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

let boxes = 0;

/**
 * A search field with results as you type: kind, canonical name and the alias that matched.
 * Arrow keys move through the results, Enter picks (pressed before the results arrive, it picks
 * the first one when they do), Escape closes. An ARIA combobox. Results that arrive after the user
 * left the field, or for a text no longer in it, are dropped.
 */
export class SearchBox {
  readonly element: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private hits: SearchHit[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  /** The text the hits shown are for. */
  private hitsFor = "";
  /** Enter was pressed before the hits for the text arrived: pick the first when they come. */
  private pickWhenReady = false;

  constructor(private readonly o: SearchBoxOptions) {
    const listId = `search-hits-${++boxes}`;
    this.input = h("input", {
      type: "search",
      placeholder: o.placeholder,
      autocomplete: "off",
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": listId,
      "data-testid": `${o.testId}-input`,
      "aria-label": o.placeholder,
    });
    this.list = h("ul", { class: "hits", role: "listbox", id: listId, "data-testid": `${o.testId}-hits` });
    this.element = h("div", { class: "search-box" }, this.input, this.list);
    this.input.addEventListener("input", () => {
      this.pickWhenReady = false;
      this.schedule();
    });
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
    clearTimeout(this.timer);
    const text = this.input.value.trim();
    const seq = ++this.seq;
    if (!text) return this.close();
    this.element.classList.add("searching");
    this.input.setAttribute("aria-busy", "true");
    const hits = await search(text, this.o.kinds, { includeDrafts: draftsIncluded() }).catch(() => []);
    if (seq !== this.seq) return; // a newer keystroke has taken over
    this.element.classList.remove("searching");
    this.input.removeAttribute("aria-busy");
    this.hits = hits;
    this.hitsFor = text;
    this.active = hits.length ? 0 : -1;
    if (this.pickWhenReady) {
      this.pickWhenReady = false;
      if (hits.length) {
        this.pick(0);
        return;
      }
    }
    // The user has left the field (or its view) meanwhile: no list opens there.
    if (document.activeElement !== this.input) return;
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
        {
          role: "option",
          id: `${this.list.id}-${i}`,
          "aria-selected": String(i === this.active),
          class: i === this.active ? "active" : "",
          "data-id": hit.id,
          onmousedown: () => this.pick(i),
        },
        h("span", { class: "badge", style: `background:${style.color}` }, style.label),
        h("span", { class: "name" }, hit.name),
        alias ? h("span", { class: "alias" }, alias) : null,
      );
      this.list.append(li);
    });
    this.list.classList.add("open");
    this.input.setAttribute("aria-expanded", "true");
    this.markActive();
  }

  private markActive(): void {
    for (const [i, li] of [...this.list.querySelectorAll("li[role=option]")].entries()) {
      li.classList.toggle("active", i === this.active);
      li.setAttribute("aria-selected", String(i === this.active));
    }
    if (this.active >= 0) this.input.setAttribute("aria-activedescendant", `${this.list.id}-${this.active}`);
    else this.input.removeAttribute("aria-activedescendant");
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!this.hits.length) return;
      this.active = (this.active + (e.key === "ArrowDown" ? 1 : -1) + this.hits.length) % this.hits.length;
      this.markActive();
    } else if (e.key === "Enter") {
      e.preventDefault();
      const text = this.input.value.trim();
      if (!text) return;
      if (this.hitsFor === text && this.active >= 0 && this.list.classList.contains("open")) {
        this.pick(this.active);
        return;
      }
      // The hits for this text have not arrived yet: ask now, and pick the first when they come.
      this.pickWhenReady = true;
      void this.run();
    } else if (e.key === "Escape") {
      this.pickWhenReady = false;
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
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
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
