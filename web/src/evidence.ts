import type { GraphEdge } from "./api.js";
import { h, onClick } from "./dom.js";

/** An edge's quotes, each a link that opens its article at the quote. */
export function evidenceList(edge: GraphEdge, openArticle: (articleId: string, quote: string) => void): HTMLElement {
  if (!edge.evidence.length) return h("p", { class: "gazetteer" }, "General knowledge (gazetteer), not stated by an article.");
  return h(
    "ul",
    { class: "evidence" },
    ...edge.evidence.map((ev) =>
      h(
        "li",
        {},
        h("q", {}, ev.quote),
        " ",
        h(
          "a",
          {
            href: "#",
            class: "source",
            "data-testid": "quote-link",
            onclick: onClick(() => openArticle(ev.articleId, ev.quote)),
          },
          ev.articleId,
        ),
      ),
    ),
  );
}
