import { article } from "./api.js";
import { appendAll, clear, h } from "./dom.js";
import { LANG_LABEL } from "./kinds.js";

/** The source article in a dialog, with the quoted sentence highlighted and scrolled into view. */
export class ArticleView {
  readonly element: HTMLDialogElement;
  private readonly body: HTMLElement;

  constructor(private readonly onClose: () => void) {
    this.body = h("div", { class: "article-body" });
    this.element = h(
      "dialog",
      { class: "article", "data-testid": "article" },
      h("button", { type: "button", class: "close", onclick: () => this.element.close(), "aria-label": "Close" }, "×"),
      this.body,
    );
    this.element.addEventListener("close", () => this.onClose());
  }

  async open(articleId: string, quote?: string): Promise<void> {
    const a = await article(articleId);
    clear(this.body);
    if (!a) {
      this.body.append(h("p", {}, `Article ${articleId} not found.`));
    } else {
      const meta = [a.source, a.publishedAt, LANG_LABEL[a.language] ?? a.language].filter(Boolean).join(" · ");
      appendAll(
        this.body,
        h("h2", { lang: a.language }, a.title ?? a.titleEn),
        a.title ? h("p", { class: "subtitle" }, a.titleEn) : null,
        h("p", { class: "meta" }, `${a.id} · ${meta}`),
        a.note ? h("p", { class: "note" }, a.note) : null,
        highlighted(a.text, quote, a.language),
      );
    }
    if (!this.element.open) this.element.showModal();
    this.body.querySelector("mark")?.scrollIntoView({ block: "center" });
  }
}

function highlighted(text: string, quote: string | undefined, lang: string): HTMLElement {
  const at = quote ? text.indexOf(quote) : -1;
  const pre = h("pre", { class: "article-text", lang });
  if (at < 0 || !quote) pre.append(text);
  else pre.append(text.slice(0, at), h("mark", { "data-testid": "quote-mark" }, quote), text.slice(at + quote.length));
  return pre;
}
