import { h } from "./dom.js";
import { editorToken, saveEditorToken } from "./editor-token.js";
import type { NewArticle } from "./review-api.js";

/** What the server takes (src/api/review/input.ts): an article of at most 1 MB of UTF-8, a title of 500 characters. */
const MAX_TEXT_BYTES = 1024 * 1024;
const MAX_TITLE_LENGTH = 500;
const DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const LANGUAGES: Array<[string, string]> = [
  ["auto", "Auto-detect"],
  ["zh-Hans", "Simplified Chinese"],
  ["zh-Hant", "Traditional Chinese"],
  ["ko", "Korean"],
  ["ja", "Japanese"],
  ["en", "English"],
];

/**
 * The article to review: its text, optional title, URL, date and language, and the editor's token
 * (kept in sessionStorage). Checks what it can before sending, shows progress and errors.
 */
export class ReviewForm {
  readonly element: HTMLDetailsElement;
  private readonly text: HTMLTextAreaElement;
  private readonly title: HTMLInputElement;
  private readonly url: HTMLInputElement;
  private readonly date: HTMLInputElement;
  private readonly language: HTMLSelectElement;
  private readonly token: HTMLInputElement;
  private readonly submit: HTMLButtonElement;
  private readonly busy: HTMLElement;
  private readonly busyText: HTMLElement;
  private readonly error: HTMLElement;

  constructor(private readonly onSubmit: (article: NewArticle, token: string) => Promise<void>) {
    const field = (label: string, input: HTMLElement, cls = "") => h("label", { class: `field ${cls}` }, h("span", {}, label), input);
    this.text = h("textarea", {
      rows: 8,
      required: true,
      placeholder: "Paste the article text here (any of Chinese, Korean, Japanese or English)…",
      "data-testid": "review-article-text",
      "aria-label": "Article text",
    });
    this.title = h("input", { type: "text", "data-testid": "review-title", placeholder: "optional" });
    this.url = h("input", { type: "url", "data-testid": "review-url", placeholder: "https://… (optional)" });
    this.date = h("input", { type: "text", "data-testid": "review-date", placeholder: "YYYY-MM-DD", inputmode: "numeric" });
    this.language = h("select", { "data-testid": "review-language" }, ...LANGUAGES.map(([v, l]) => h("option", { value: v }, l)));
    this.token = h("input", {
      type: "password",
      autocomplete: "off",
      spellcheck: "false",
      placeholder: "npm run token -- --role editor",
      "data-testid": "review-token",
      value: editorToken(),
    });
    this.token.addEventListener("input", () => saveEditorToken(this.token.value.trim()));
    this.submit = h("button", { type: "submit", class: "primary", "data-testid": "draft-button" }, "Draft facts");
    this.busyText = h("span", {});
    this.busy = h(
      "span",
      { class: "busy", hidden: true, "data-testid": "review-busy", role: "status" },
      h("span", { class: "spinner" }),
      this.busyText,
    );
    this.error = h("p", { class: "review-error", role: "alert", hidden: true, "data-testid": "review-error" });
    const form = h(
      "form",
      { novalidate: true },
      field("Article text", this.text, "wide"),
      h(
        "div",
        { class: "fields" },
        field("Title", this.title),
        field("URL", this.url),
        field("Date", this.date, "narrow"),
        field("Language", this.language, "narrow"),
        field("Editor token", this.token),
      ),
      h("div", { class: "actions" }, this.submit, this.busy),
      this.error,
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.send();
    });
    this.element = h("details", { class: "review-form", open: true }, h("summary", {}, "Paste an article to review"), form);
  }

  /** The token as typed (the view uses it for its own calls too). */
  currentToken(): string {
    return this.token.value.trim();
  }

  collapse(): void {
    this.element.open = false;
  }

  /** Shows an error under the form's button (or hides it with undefined). */
  showError(message: string | undefined): void {
    this.error.textContent = message ?? "";
    this.error.hidden = !message;
    if (message) this.element.open = true;
  }

  /** Progress while a call runs: the button is disabled and says what is happening. */
  setBusy(text: string | undefined): void {
    this.submit.disabled = !!text;
    this.busy.hidden = !text;
    this.busyText.textContent = text ?? "";
    this.element.setAttribute("aria-busy", text ? "true" : "false");
  }

  private problem(): string | undefined {
    const text = this.text.value.trim();
    if (!text) return "Paste the article text first.";
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > MAX_TEXT_BYTES) return `The article is ${(bytes / 1024 / 1024).toFixed(1)} MB; an article may be at most 1 MB.`;
    if (this.title.value.trim().length > MAX_TITLE_LENGTH) return `The title may be at most ${MAX_TITLE_LENGTH} characters.`;
    if (this.date.value.trim() && !DATE.test(this.date.value.trim())) return "The date must be YYYY, YYYY-MM or YYYY-MM-DD.";
    const url = this.url.value.trim();
    if (url && !/^https?:\/\/\S+$/i.test(url)) return "The URL must start with http:// or https://.";
    if (!this.currentToken()) return "Paste an editor token first: drafting stores the article, which only editors may do.";
    return undefined;
  }

  private async send(): Promise<void> {
    const problem = this.problem();
    this.showError(problem);
    if (problem) return;
    const optional = (input: HTMLInputElement) => input.value.trim() || undefined;
    const article: NewArticle = {
      text: this.text.value.trim(),
      title: optional(this.title),
      url: optional(this.url),
      publishedAt: optional(this.date),
      language: this.language.value === "auto" ? undefined : this.language.value,
    };
    this.setBusy("Drafting facts…");
    try {
      await this.onSubmit(article, this.currentToken());
    } finally {
      this.setBusy(undefined);
    }
  }
}
