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

/**
 * What the drawing's edge stands for: both ends, the type, whether an article states it or the
 * gazetteer, and every quote (a click on an edge shows this).
 */
export function edgeDetails(
  edge: GraphEdge,
  source: { id: string; name: string } | undefined,
  target: { id: string; name: string } | undefined,
  openArticle: (articleId: string, quote: string) => void,
  focus?: (id: string) => void,
): HTMLElement {
  const end = (id: string, node?: { name: string }) =>
    focus ? h("a", { href: "#", onclick: onClick(() => focus(id)) }, node?.name ?? id) : h("strong", {}, node?.name ?? id);
  const stated = edge.evidence.length;
  return h(
    "div",
    { class: "edge-details", "data-testid": "edge-details" },
    h("h3", {}, "Relation"),
    h("p", { class: "edge-title" }, end(edge.source, source), ` ${edge.type} `, end(edge.target, target)),
    h(
      "p",
      { class: "edge-basis", "data-testid": "edge-basis" },
      stated ? `stated in ${new Set(edge.evidence.map((e) => e.articleId)).size} article(s)` : "gazetteer",
    ),
    evidenceList(edge, openArticle),
  );
}
