import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import type { GraphEdge, GraphNode, Kind, Subgraph } from "./api.js";
import { clear, download, h } from "./dom.js";
import { KIND_STYLE, KINDS } from "./kinds.js";

const FONT = `"Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans", sans-serif`;
/** Up to this many nodes, the network is laid out in rings around the focus instead of by force. */
const SMALL_GRAPH = 15;
/** Drafts (extracted, not reviewed): dashed, in this colour; gazetteer edges are dashed grey. */
export const DRAFT_COLOR = "#c2410c";

export interface GraphViewOptions {
  testId: string;
  /** "flow" lays paths and chains out left to right; the default spreads a network by force. */
  layout?: "network" | "flow";
  onSelect?: (node: GraphNode) => void;
  /** Double-click (or the Expand button): pull in this node's neighbours. */
  onExpand?: (node: GraphNode) => void;
}

/**
 * A network drawing (cytoscape.js): nodes coloured by kind with a legend, edges labelled by type,
 * filters by kind and by relation type, and export of what is shown as PNG, CSV and JSON. Draft
 * nodes and edges (not reviewed yet) have a dashed outline or line in DRAFT_COLOR.
 */
export class GraphView {
  readonly element: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly filters: HTMLElement;
  private readonly cy: Core;
  private nodes = new Map<string, GraphNode>();
  private edges = new Map<string, GraphEdge>();
  private hiddenKinds = new Set<Kind>();
  private hiddenTypes = new Set<string>();

  constructor(private readonly o: GraphViewOptions) {
    this.canvas = h("div", { class: "graph-canvas", "data-testid": `${o.testId}-canvas` });
    this.filters = h("div", { class: "graph-filters" });
    const exports = h(
      "div",
      { class: "graph-exports" },
      h("button", { type: "button", onclick: () => this.exportPng(), "data-testid": `${o.testId}-png` }, "PNG"),
      h("button", { type: "button", onclick: () => this.exportCsv(), "data-testid": `${o.testId}-csv` }, "CSV"),
      h("button", { type: "button", onclick: () => this.exportJson(), "data-testid": `${o.testId}-json` }, "JSON"),
    );
    this.element = h("div", { class: "graph-view" }, h("div", { class: "graph-toolbar" }, this.filters, exports), this.canvas);
    this.cy = cytoscape({
      container: this.canvas,
      // The canvas is not attached yet: no initial layout (it would measure a zero-size box).
      layout: { name: "null" },
      wheelSensitivity: 0.3,
      minZoom: 0.1,
      maxZoom: 3,
      style: [
        {
          selector: "node",
          style: {
            "background-color": "data(color)",
            label: "data(label)",
            "font-family": FONT,
            "font-size": 11,
            "text-wrap": "ellipsis",
            "text-max-width": "140px",
            "text-valign": "bottom",
            "text-margin-y": 4,
            width: 22,
            height: 22,
            "border-width": 1,
            "border-color": "#fff",
          },
        },
        { selector: "node.focus", style: { width: 34, height: 34, "border-width": 3, "border-color": "#222", "font-weight": "bold" } },
        { selector: "node.draft", style: { "border-style": "dashed", "border-width": 3, "border-color": DRAFT_COLOR } },
        { selector: "node:selected", style: { "border-width": 3, "border-color": "#1f4e99" } },
        {
          selector: "edge",
          style: {
            width: 1.5,
            "line-color": "#b8b8b8",
            "target-arrow-color": "#b8b8b8",
            "target-arrow-shape": "triangle",
            "curve-style": "bezier",
            label: "data(type)",
            "font-size": 8,
            "font-family": FONT,
            color: "#777",
            "text-rotation": "autorotate",
          },
        },
        { selector: "edge.gazetteer", style: { "line-style": "dashed" } },
        {
          selector: "edge.draft",
          style: {
            width: 2,
            "line-style": "dashed",
            "line-dash-pattern": [7, 4],
            "line-color": DRAFT_COLOR,
            "target-arrow-color": DRAFT_COLOR,
            color: DRAFT_COLOR,
          },
        },
        { selector: ".hidden", style: { display: "none" } },
      ],
    });
    // The browser tests find nodes on screen through this handle.
    Object.defineProperty(this.canvas, "cytoscape", { value: this.cy });
    this.cy.on("tap", "node", (e) => {
      const node = this.nodes.get(e.target.id());
      if (node) o.onSelect?.(node);
    });
    this.cy.on("dbltap", "node", (e) => {
      const node = this.nodes.get(e.target.id());
      if (node) o.onExpand?.(node);
    });
  }

  /** Replaces what is drawn; resolves once the layout has settled. */
  show(graph: Subgraph, focus?: string): Promise<void> {
    this.nodes.clear();
    this.edges.clear();
    this.cy.elements().remove();
    return this.add(graph, focus);
  }

  /** Adds nodes and edges (an expansion), keeping what is drawn and laying out again. */
  add(graph: Subgraph, focus?: string): Promise<void> {
    const fresh: ElementDefinition[] = [];
    const start = this.startPositions(graph);
    for (const n of graph.nodes) {
      if (this.nodes.has(n.id)) continue;
      this.nodes.set(n.id, n);
      fresh.push({
        group: "nodes",
        data: { id: n.id, label: n.name, color: KIND_STYLE[n.kind].color, kind: n.kind },
        classes: n.draft ? "draft" : "",
        position: start.get(n.id),
      });
    }
    for (const e of graph.edges) {
      const id = `${e.source}|${e.type}|${e.target}`;
      if (this.edges.has(id) || !this.nodes.has(e.source) || !this.nodes.has(e.target)) continue;
      this.edges.set(id, e);
      fresh.push({
        group: "edges",
        data: { id, source: e.source, target: e.target, type: e.type },
        classes: [e.evidence.length ? "" : "gazetteer", e.draft ? "draft" : ""].join(" ").trim(),
      });
    }
    this.cy.add(fresh);
    if (focus) {
      this.cy.nodes().removeClass("focus");
      this.cy.getElementById(focus).addClass("focus");
    }
    this.applyFilters();
    this.renderFilters();
    return this.layout();
  }

  /**
   * Where new nodes start before the force layout refines them: on a circle around a neighbour
   * already drawn (an expansion), or around the origin. Started on one point, a small graph stays
   * bunched up (the layout does not randomise, so that it is the same every time).
   */
  private startPositions(graph: Subgraph): Map<string, { x: number; y: number }> {
    const fresh = new Set(graph.nodes.filter((n) => !this.nodes.has(n.id)).map((n) => n.id));
    const anchorOf = new Map<string, string>();
    for (const e of graph.edges) {
      if (fresh.has(e.source) && this.nodes.has(e.target)) anchorOf.set(e.source, e.target);
      if (fresh.has(e.target) && this.nodes.has(e.source)) anchorOf.set(e.target, e.source);
    }
    const rings = new Map<string, string[]>();
    for (const id of fresh) {
      const anchor = anchorOf.get(id) ?? "";
      rings.set(anchor, [...(rings.get(anchor) ?? []), id]);
    }
    const out = new Map<string, { x: number; y: number }>();
    for (const [anchor, ids] of rings) {
      const centre = anchor ? this.cy.getElementById(anchor).position() : { x: 0, y: 0 };
      const radius = 60 + 25 * Math.sqrt(ids.length);
      ids.forEach((id, i) => {
        const angle = (2 * Math.PI * i) / ids.length;
        out.set(id, { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
      });
    }
    return out;
  }

  /** The ids currently drawn, and counts for tests and the status line. */
  get size() {
    return { nodes: this.nodes.size, edges: this.edges.size };
  }

  private layout(): Promise<void> {
    this.cy.resize(); // the view may have been hidden when the graph was built
    const n = this.cy.nodes().not(".hidden").length;
    const options =
      this.o.layout === "flow"
        ? {
            name: "breadthfirst",
            directed: false,
            spacingFactor: 1.1,
            padding: 30,
            animate: false,
            transform: (_: unknown, p: { x: number; y: number }) => ({ x: p.y, y: p.x }),
          }
        : n <= SMALL_GRAPH
          ? {
              // A force layout bunches a handful of nodes around the focus: rings by distance read better.
              name: "concentric",
              animate: false,
              padding: 30,
              minNodeSpacing: 60,
              startAngle: (3 / 2) * Math.PI,
              concentric: this.ringOf(),
              levelWidth: () => 1,
            }
          : {
              name: "cose",
              animate: false,
              nodeRepulsion: () => (n > 150 ? 9000 : 20000),
              idealEdgeLength: () => (n > 150 ? 60 : 110),
              padding: 30,
              randomize: false,
            };
    const layout = this.cy.layout(options as cytoscape.LayoutOptions);
    const settled = layout.promiseOn("layoutstop").then(() => this.afterLayout());
    layout.run();
    return settled;
  }

  /** For the concentric layout: the focus in the middle, then its neighbours, then theirs; without a focus, by degree. */
  private ringOf(): (node: cytoscape.NodeSingular) => number {
    const focus = this.cy.nodes(".focus");
    if (!focus.length) return (node) => node.degree(false);
    const hops = this.cy.elements().not(".hidden").dijkstra({ root: focus, directed: false });
    return (node) => {
      const d = hops.distanceTo(node);
      return Number.isFinite(d) ? 100 - d : 0;
    };
  }

  private afterLayout(): void {
    // A handful of nodes would be blown up to fill the canvas: keep labels at a readable size.
    if (this.cy.zoom() > 1.3) {
      this.cy.zoom(1.3);
      this.cy.center();
    }
    this.markCounts();
  }

  private applyFilters(): void {
    this.cy.nodes().forEach((n) => {
      n.toggleClass("hidden", this.hiddenKinds.has(n.data("kind") as Kind));
    });
    this.cy.edges().forEach((e) => {
      const endHidden = e.source().hasClass("hidden") || e.target().hasClass("hidden");
      e.toggleClass("hidden", endHidden || this.hiddenTypes.has(e.data("type") as string));
    });
    this.markCounts();
  }

  /** What is shown, on the canvas element: the status line and the browser tests read it. */
  private markCounts(): void {
    this.canvas.dataset.nodes = String(this.cy.nodes().not(".hidden").length);
    this.canvas.dataset.edges = String(this.cy.edges().not(".hidden").length);
  }

  /** Legend and filters in one: a checkbox per kind present (coloured) and per relation type. */
  private renderFilters(): void {
    clear(this.filters);
    const kinds = KINDS.filter((k) => [...this.nodes.values()].some((n) => n.kind === k));
    const types = [...new Set([...this.edges.values()].map((e) => e.type))].sort();
    const box = (label: string, checked: boolean, onChange: (on: boolean) => void, color?: string, testId?: string) =>
      h(
        "label",
        { class: "filter", "data-testid": testId },
        h("input", { type: "checkbox", checked, onchange: (e) => onChange((e.target as HTMLInputElement).checked) }),
        color ? h("span", { class: "swatch", style: `background:${color}` }) : null,
        label,
      );
    this.filters.append(
      h(
        "div",
        { class: "legend", "data-testid": `${this.o.testId}-legend` },
        ...this.lineLegend(),
        ...kinds.map((k) =>
          box(
            KIND_STYLE[k].label,
            !this.hiddenKinds.has(k),
            (on) => this.toggle(this.hiddenKinds, k, on),
            KIND_STYLE[k].color,
            `kind-${k}`,
          ),
        ),
      ),
      h(
        "div",
        { class: "types" },
        ...types.map((t) => box(t, !this.hiddenTypes.has(t), (on) => this.toggle(this.hiddenTypes, t, on), undefined, `type-${t}`)),
      ),
    );
  }

  /** What a dashed outline or line means, for the kinds of dashes drawn. */
  private lineLegend(): HTMLElement[] {
    const drafts = [...this.nodes.values()].some((n) => n.draft) || [...this.edges.values()].some((e) => e.draft);
    const gazetteer = [...this.edges.values()].some((e) => !e.evidence.length);
    const entry = (cls: string, label: string, title: string) =>
      h("span", { class: "line-key", title, "data-testid": `${this.o.testId}-legend-${cls}` }, h("span", { class: `line ${cls}` }), label);
    return [
      drafts ? entry("draft", "draft", "extracted automatically, awaiting review (dashed outline or line)") : null,
      gazetteer ? entry("gazetteer", "gazetteer", "general knowledge, not stated by an article") : null,
    ].filter((e): e is HTMLElement => e !== null);
  }

  private toggle<T>(hidden: Set<T>, value: T, shown: boolean): void {
    if (shown) hidden.delete(value);
    else hidden.add(value);
    this.applyFilters();
  }

  private visibleGraph(): Subgraph {
    const nodeIds = new Set(
      this.cy
        .nodes()
        .not(".hidden")
        .map((n) => n.id()),
    );
    const edgeIds = new Set(
      this.cy
        .edges()
        .not(".hidden")
        .map((e) => e.id()),
    );
    return {
      nodes: [...this.nodes.values()].filter((n) => nodeIds.has(n.id)),
      edges: [...this.edges.entries()].filter(([id]) => edgeIds.has(id)).map(([, e]) => e),
    };
  }

  exportPng(): void {
    const blob = this.cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" }) as unknown as Blob;
    download("graph.png", blob);
  }

  exportJson(): void {
    download("graph.json", JSON.stringify(this.visibleGraph(), null, 2), "application/json");
  }

  /** One row per edge and piece of evidence, with both ends' names: opens in any spreadsheet. */
  exportCsv(): void {
    const g = this.visibleGraph();
    const name = (id: string) => this.nodes.get(id)?.name ?? id;
    const rows = [["source_id", "source_name", "type", "target_id", "target_name", "article_id", "quote", "draft"]];
    for (const e of g.edges) {
      const evidence = e.evidence.length ? e.evidence : [{ articleId: "", quote: "", draft: e.draft }];
      for (const ev of evidence) {
        rows.push([e.source, name(e.source), e.type, e.target, name(e.target), ev.articleId, ev.quote, ev.draft ? "draft" : ""]);
      }
    }
    const csv = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\r\n");
    download("graph.csv", `\ufeff${csv}`, "text/csv");
  }
}
