import type { Kind } from "./api.js";
import { clear, h } from "./dom.js";
import { percent } from "./draft-marks.js";
import { KIND_STYLE } from "./kinds.js";
import type { FactCategory, ReviewFact } from "./review-api.js";

export type Decision = "accept" | "reject";

export interface FactListOptions {
  /** The pointer is over a fact (scroll: false) or the fact was clicked (scroll: true); undefined: left the list. */
  onFocus: (fact: ReviewFact | undefined, scroll: boolean) => void;
  /** A decision changed. */
  onChange: () => void;
}

const GROUPS: Array<[FactCategory, string]> = [
  ["ENTITY", "Entities"],
  ["RELATION", "Relations"],
  ["MEASURE", "Figures"],
];

/** A fact's kind colour, for entity facts. */
export function entityColor(fact: ReviewFact): string | undefined {
  return fact.category === "ENTITY" ? KIND_STYLE[fact.label as Kind]?.color : undefined;
}

/**
 * An article's facts grouped by category, drafts first and most confident first, each with its
 * status, confidence and rule; drafts have Accept and Reject boxes (one at most).
 */
export class FactList {
  readonly element: HTMLElement;
  private readonly decisions = new Map<string, Decision>();
  private readonly rows = new Map<string, HTMLElement>();
  private facts: ReviewFact[] = [];
  private marked: (factId: string) => boolean = () => true;

  constructor(private readonly o: FactListOptions) {
    this.element = h("div", { class: "fact-list", "data-testid": "fact-list" });
    this.element.addEventListener("mouseleave", () => o.onFocus(undefined, false));
  }

  /** Shows these facts (`marked`: those found in the text); decisions not yet applied are dropped. */
  show(facts: ReviewFact[], marked: (factId: string) => boolean = () => true): void {
    this.facts = facts;
    this.marked = marked;
    this.decisions.clear();
    this.rows.clear();
    clear(this.element);
    for (const [category, title] of GROUPS) {
      const group = facts.filter((f) => f.category === category).sort(byStatusThenConfidence);
      if (!group.length) continue;
      const drafts = group.filter((f) => f.status === "DRAFT").length;
      this.element.append(
        h(
          "section",
          { class: "fact-group", "data-testid": `facts-${category}` },
          h("h3", {}, `${title} · ${group.length}`, drafts ? h("span", { class: "count" }, ` (${drafts} to review)`) : null),
          h("ul", {}, ...group.map((f) => this.row(f))),
        ),
      );
    }
    if (!facts.length) this.element.append(h("p", { class: "hint" }, "The extractor found no fact in this article."));
  }

  accepted(): string[] {
    return [...this.decisions].filter(([, d]) => d === "accept").map(([id]) => id);
  }

  rejected(): string[] {
    return [...this.decisions].filter(([, d]) => d === "reject").map(([id]) => id);
  }

  /** Marks every draft at or above this confidence (0–1) as accepted, leaving those marked rejected as they are. */
  acceptFrom(threshold: number): number {
    let n = 0;
    for (const f of this.facts) {
      if (f.status !== "DRAFT" || (f.confidence ?? 0) < threshold || this.decisions.get(f.id) === "reject") continue;
      if (this.decisions.get(f.id) !== "accept") n++;
      this.set(f.id, "accept");
    }
    this.o.onChange();
    return n;
  }

  clearDecisions(): void {
    for (const id of [...this.decisions.keys()]) this.set(id, undefined);
    this.o.onChange();
  }

  /** Brings a fact's row into view and flashes it (a click on its mark in the text). */
  reveal(factId: string): void {
    const row = this.rows.get(factId);
    if (!row) return;
    row.scrollIntoView({ block: "nearest" });
    row.classList.remove("flash");
    void row.offsetWidth; // restart the animation
    row.classList.add("flash");
  }

  /** The row of the fact whose highlights are emphasised. */
  setActive(factId: string | undefined): void {
    for (const [id, row] of this.rows) row.classList.toggle("active", id === factId);
  }

  /** A box was ticked or unticked: Accept and Reject exclude each other. */
  private decide(id: string, decision: Decision, on: boolean): void {
    const now = this.decisions.get(id);
    this.set(id, on ? decision : now === decision ? undefined : now);
  }

  private set(id: string, decision: Decision | undefined): void {
    if (decision) this.decisions.set(id, decision);
    else this.decisions.delete(id);
    const row = this.rows.get(id);
    if (!row) return;
    row.dataset.decision = decision ?? "";
    for (const box of row.querySelectorAll<HTMLInputElement>("input[data-decision]")) box.checked = box.dataset.decision === decision;
  }

  private row(f: ReviewFact): HTMLElement {
    const box = (decision: Decision, label: string) =>
      h(
        "label",
        { class: `decide ${decision}` },
        h("input", {
          type: "checkbox",
          "data-decision": decision,
          "data-testid": `${decision}-box`,
          onchange: (e) => {
            this.decide(f.id, decision, (e.target as HTMLInputElement).checked);
            this.o.onChange();
          },
        }),
        label,
      );
    const conf = percent(f.confidence);
    const color = entityColor(f);
    const li = h(
      "li",
      {
        class: `fact ${f.status === "DRAFT" ? "draft" : "curated"}`,
        "data-fact-id": f.id,
        "data-status": f.status,
        "data-testid": "fact",
        tabindex: 0,
        onmouseenter: () => this.o.onFocus(f, false),
        onfocus: () => this.o.onFocus(f, false),
        onclick: (e) => {
          if (!(e.target as Element).closest("label")) this.o.onFocus(f, true);
        },
      },
      h(
        "div",
        { class: "fact-main" },
        f.category === "ENTITY"
          ? h("span", { class: "badge", style: `background:${color ?? "#888"}` }, KIND_STYLE[f.label as Kind]?.label ?? f.label)
          : h("span", { class: "fact-label" }, f.category === "MEASURE" ? f.label.replace(/-/g, " ") : f.label),
        h("span", { class: "fact-text" }, f.text.replace(/ -> /g, " → ")),
        f.category === "ENTITY" && f.isNew ? h("span", { class: "tag new", title: "not in the graph before this article" }, "new") : null,
      ),
      h(
        "div",
        { class: "fact-meta" },
        h(
          "span",
          { class: `tag status ${f.status.toLowerCase()}`, "data-testid": "fact-status" },
          f.status === "DRAFT" ? "draft" : "curated",
        ),
        conf ? h("span", { class: "confidence", title: "the extractor's confidence" }, conf) : null,
        f.rule ? h("code", { class: "rule", title: "the rule that drafted it" }, f.rule) : null,
        this.marked(f.id) ? null : h("span", { class: "unmarked", "data-testid": "unmarked" }, "not found in the text"),
      ),
      f.status === "DRAFT" ? h("div", { class: "decisions" }, box("accept", "Accept"), box("reject", "Reject")) : null,
    );
    this.rows.set(f.id, li);
    return li;
  }
}

function byStatusThenConfidence(a: ReviewFact, b: ReviewFact): number {
  if (a.status !== b.status) return a.status === "DRAFT" ? -1 : 1;
  return (b.confidence ?? 0) - (a.confidence ?? 0) || a.text.localeCompare(b.text);
}
