import type { GraphEdge } from "./api.js";
import { h, onClick } from "./dom.js";
import { draftNote } from "./draft-marks.js";

/** An edge's quotes, each a link that opens its article at the quote; a draft statement says so. */
export function evidenceList(edge: GraphEdge, openArticle: (articleId: string, quote: string) => void): HTMLElement {
  if (!edge.evidence.length) return h("p", { class: "gazetteer" }, "General knowledge (gazetteer), not stated by an article.");
  return h(
    "ul",
    { class: "evidence" },
    ...edge.evidence.map((ev) =>
      h(
        "li",
        { class: ev.draft ? "draft" : "" },
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
        ev.draft
          ? h(
              "span",
              { class: "draft-note", "data-testid": "draft-evidence", title: "extracted automatically, not reviewed yet" },
              draftNote(edge.confidence, edge.rule),
            )
          : null,
      ),
    ),
  );
}
