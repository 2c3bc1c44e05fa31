import type { Kind } from "./api.js";
import { appendAll, clear, h, onClick } from "./dom.js";
import { entityColor, FactList } from "./fact-list.js";
import { type Highlight, highlightText } from "./highlight.js";
import { KIND_STYLE, LANG_LABEL } from "./kinds.js";
import { type ArticleReview, articleReview, ingestArticle, type ReviewFact, reviewErrorMessage, reviewFacts } from "./review-api.js";
import { ReviewForm } from "./review-form.js";
import { navigate, routeUrl } from "./route.js";
import type { View } from "./views.js";

type Status = (text: string, error?: boolean) => void;

/**
 * The editor's review of one article (#/review?article=…): paste it, draft its facts, see them marked
 * in the text, accept or reject them, and open the result in the graph.
 */
export function reviewView(status: Status): View {
  let current: ArticleReview | undefined;
  let shown: ArticleReview | undefined;
  let marks = new Map<string, HTMLElement[]>(); // fact id -> its marks in the text
  let factById = new Map<string, ReviewFact>();
  let pinned: ReviewFact | undefined;

  const form = new ReviewForm(async (article, token) => {
    try {
      current = await ingestArticle(article, token);
      form.collapse();
      navigate("review", { article: current.articleId });
    } catch (err) {
      form.showError(reviewErrorMessage(err));
      status("The article could not be drafted.", true);
    }
  });

  const articlePane = h("article", { class: "review-article", "data-testid": "review-article" });
  const facts = new FactList({
    onFocus: (fact, scroll) => {
      if (scroll) pinned = fact;
      emphasise(fact ?? pinned, scroll, !!fact);
    },
    onChange: () => updateApply(),
  });

  const threshold = h("input", {
    type: "number",
    min: 0,
    max: 100,
    step: 5,
    value: 80,
    "data-testid": "accept-threshold",
    "aria-label": "Confidence threshold in percent",
  });
  const acceptAbove = h(
    "button",
    {
      type: "button",
      "data-testid": "accept-above",
      title: "Mark every draft whose confidence is at or above this percentage to be accepted",
      onclick: () => {
        const n = facts.acceptFrom(Math.min(100, Math.max(0, Number(threshold.value) || 0)) / 100);
        outcome.textContent = `${n} more marked to accept.`;
      },
    },
    "Accept ≥",
  );
  const applyButton = h(
    "button",
    { type: "button", class: "primary", disabled: true, "data-testid": "apply", onclick: () => void apply() },
    "Apply",
  );
  const clearButton = h("button", { type: "button", "data-testid": "clear-decisions", onclick: () => facts.clearDecisions() }, "Clear");
  const applyError = h("p", { class: "review-error", role: "alert", hidden: true, "data-testid": "apply-error" });
  const outcome = h("p", { class: "outcome", role: "status", "data-testid": "review-outcome" });
  const graphLink = h("a", { class: "show-in-graph", "data-testid": "show-in-graph", hidden: true }, "Show in graph →");
  const factsPane = h(
    "aside",
    { class: "review-facts" },
    h(
      "div",
      { class: "review-toolbar" },
      h("div", { class: "row" }, acceptAbove, h("label", { class: "threshold" }, threshold, "%"), clearButton, applyButton),
      applyError,
      h("div", { class: "row" }, outcome, graphLink),
    ),
    facts.element,
  );
  const result = h("div", { class: "review-result", hidden: true }, articlePane, factsPane);
  const element = h("section", { class: "view review", "data-testid": "review-view" }, form.element, result);

  function updateApply(): void {
    const a = facts.accepted().length;
    const r = facts.rejected().length;
    applyButton.disabled = !a && !r;
    applyButton.textContent = a || r ? `Apply: accept ${a}, reject ${r}` : "Apply";
  }

  /** Emphasises a fact's marks; a click (scroll) brings the first into the middle of the text. */
  function emphasise(fact: ReviewFact | undefined, scroll: boolean, hovering: boolean): void {
    for (const m of articlePane.querySelectorAll("mark.emph")) m.classList.remove("emph");
    facts.setActive(fact?.id);
    if (!fact) return;
    const own = marks.get(fact.id) ?? [];
    for (const m of own) m.classList.add("emph");
    const first = own[0];
    if (!first) return;
    if (scroll) first.scrollIntoView({ block: "center" });
    else if (hovering) scrollWithin(articlePane, first);
  }

  function show(review: ArticleReview): void {
    shown = review;
    pinned = undefined;
    factById = new Map(review.facts.map((f) => [f.id, f]));
    // Fact ids hold no spaces (article, entity and metric ids are kebab-case): they can be the keys of data-facts.
    const highlights: Highlight[] = review.facts.map((f) => ({
      key: f.id,
      type: f.category === "ENTITY" ? "entity" : f.category === "RELATION" ? "relation" : "measure",
      strings: f.highlights,
      draft: f.status === "DRAFT",
      color: entityColor(f),
      kind: f.category === "ENTITY" ? f.label : undefined,
      title: `${f.category === "ENTITY" ? (KIND_STYLE[f.label as Kind]?.label ?? f.label) : f.label}: ${f.text} (${f.status === "DRAFT" ? "draft" : "curated"})`,
    }));
    const text = highlightText(review.text, highlights, review.language);
    marks = text.marks;
    text.element.addEventListener("click", (e) => {
      const key = (e.target as Element).closest("mark")?.getAttribute("data-facts")?.split(" ")[0];
      const fact = key ? factById.get(key) : undefined;
      if (!fact) return;
      pinned = fact;
      emphasise(fact, false, false);
      facts.reveal(fact.id);
    });
    clear(articlePane);
    appendAll(
      articlePane,
      h("h2", { lang: review.language, "data-testid": "review-title-shown" }, review.title ?? "Untitled article"),
      meta(review),
      legend(review.facts),
      text.element,
    );
    facts.show(review.facts, (id) => marks.has(id));
    updateApply();
    const target = graphEntity(review);
    graphLink.hidden = !target;
    if (target) {
      graphLink.setAttribute("href", routeUrl("explore", { id: target, drafts: "1" }));
      graphLink.onclick = onClick(() => navigate("explore", { id: target, drafts: "1" }));
    }
    result.hidden = false;
  }

  async function apply(): Promise<void> {
    if (!shown) return;
    const accept = facts.accepted();
    const reject = facts.rejected();
    const token = form.currentToken();
    applyError.hidden = true;
    if (!token) {
      applyError.textContent = "Paste your editor token in the form above first.";
      applyError.hidden = false;
      form.element.open = true;
      return;
    }
    applyButton.disabled = true;
    applyButton.textContent = "Applying…";
    document.body.dataset.ready = "false";
    try {
      const out = await reviewFacts(shown.articleId, accept, reject, token);
      current = out.review;
      show(out.review);
      outcome.textContent = `Accepted ${out.accepted}, rejected ${out.rejected}.`;
      status(summary(out.review));
    } catch (err) {
      applyError.textContent = reviewErrorMessage(err);
      applyError.hidden = false;
      updateApply();
      status("The review could not be applied.", true);
    } finally {
      document.body.dataset.ready = "true";
    }
  }

  return {
    element,
    async render(p) {
      const id = p.get("article");
      if (!id) {
        current = shown = undefined;
        result.hidden = true;
        form.element.open = true;
        return status("Paste an article, enter your editor token and press Draft facts.");
      }
      if (current?.articleId !== id) {
        try {
          current = (await articleReview(id)) ?? undefined;
        } catch (err) {
          form.showError(reviewErrorMessage(err));
          return status(`The review of ${id} could not be loaded.`, true);
        }
        if (!current) {
          result.hidden = true;
          form.showError(`No article with id ${id}.`);
          return status(`No article with id ${id}.`, true);
        }
        form.collapse();
      }
      if (shown !== current) {
        outcome.textContent = "";
        applyError.hidden = true;
        show(current);
      }
      status(summary(current));
    },
  };
}

function summary(r: ArticleReview): string {
  const drafts = r.facts.filter((f) => f.status === "DRAFT").length;
  return `${r.facts.length} facts in ${r.articleId}: ${drafts} to review, ${r.facts.length - drafts} curated`;
}

function meta(r: ArticleReview): HTMLElement {
  const url = r.url && /^https?:\/\//i.test(r.url) ? r.url : undefined;
  return h(
    "p",
    { class: "meta" },
    [r.articleId, LANG_LABEL[r.language] ?? r.language, r.publishedAt].filter(Boolean).join(" · "),
    url ? " · " : null,
    url ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, url) : null,
  );
}

/** What the marks mean: a swatch per kind present, the underlines present, dashed or solid. */
function legend(facts: ReviewFact[]): HTMLElement {
  const kinds = [...new Set(facts.filter((f) => f.category === "ENTITY").map((f) => f.label))];
  return h(
    "div",
    { class: "review-legend", "data-testid": "review-legend" },
    ...kinds.map((k) =>
      h(
        "span",
        { class: "key" },
        h("span", { class: "swatch", style: `background:${KIND_STYLE[k as Kind]?.color ?? "#888"}` }),
        KIND_STYLE[k as Kind]?.label ?? k,
      ),
    ),
    facts.some((f) => f.category === "RELATION")
      ? h("span", { class: "key" }, h("span", { class: "hl hl-relation hl-curated-quote" }, "relation quote"))
      : null,
    facts.some((f) => f.category === "MEASURE")
      ? h("span", { class: "key" }, h("span", { class: "hl hl-measure hl-curated-quote" }, "figure quote"))
      : null,
    h("span", { class: "key muted" }, "dashed: draft · solid: curated"),
  );
}

/**
 * The entity to open the graph on: of the entities in the article's relations, the one in most
 * accepted relations, then one the graph knew before (its context shows), then the one in most
 * relations; else the first entity.
 */
function graphEntity(r: ArticleReview): string | undefined {
  const known = new Set(r.facts.filter((f) => f.category === "ENTITY" && !f.isNew).map((f) => f.entityId));
  const score = new Map<string, [number, number, number]>();
  for (const f of r.facts) {
    if (f.category !== "RELATION") continue;
    for (const id of [f.entityId, f.targetId]) {
      if (!id) continue;
      const [curated, , all] = score.get(id) ?? [0, 0, 0];
      score.set(id, [curated + (f.status === "CURATED" ? 1 : 0), known.has(id) ? 1 : 0, all + 1]);
    }
  }
  const best = [...score].sort(([, a], [, b]) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2])[0]?.[0];
  return best ?? r.facts.find((f) => f.category === "ENTITY")?.entityId ?? r.facts[0]?.entityId;
}

/** Scrolls a pane (not the page) so that the element shows, when it does not already. */
function scrollWithin(pane: HTMLElement, el: HTMLElement): void {
  if (pane.scrollHeight <= pane.clientHeight) return;
  const p = pane.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  if (r.top >= p.top && r.bottom <= p.bottom) return;
  pane.scrollTop += r.top - p.top - pane.clientHeight / 3;
}
