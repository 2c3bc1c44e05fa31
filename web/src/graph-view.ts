import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import fcose from "cytoscape-fcose";
import { type ArticleMeta, articlesMeta, type GraphEdge, type GraphNode, type Kind, type Subgraph } from "./api.js";
import { clear, download, h } from "./dom.js";
import { KIND_STYLE, KINDS } from "./kinds.js";
import { removeOverlaps } from "./overlap.js";

cytoscape.use(fcose);

const FONT = `"Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans", sans-serif`;
/** A node's label is cut to this many characters (the tooltip gives the whole name). */
const LABEL_CHARS = 24;
/** Distance between the nodes of a path, and between the columns of a chain, in model pixels. */
const STEP_X = 150;
const COLUMN_X = 260;
const ROW_Y = 80;
/** Drafts (extracted, not reviewed): dashed, in this colour; gazetteer edges are dashed grey. */
export const DRAFT_COLOR = "#c2410c";

export interface GraphViewOptions {
  testId: string;
  /**
   * "network" (the default) spreads the nodes by force (fcose), never on top of each other; "path"
   * lays them left to right by their distance from the start (show's hints.start); "columns" puts
   * each node in its column (show's hints.columns: lab → company → line → customer).
   */
  layout?: "network" | "path" | "columns";
  onSelect?: (node: GraphNode) => void;
  /** Double-click (or the Expand button): pull in this node's neighbours. */
  onExpand?: (node: GraphNode) => void;
  /** A click on an edge: show its quotes. */
  onEdge?: (edge: GraphEdge, source: GraphNode | undefined, target: GraphNode | undefined) => void;
  /** What is shown changed (a filter): the counts of visible nodes and edges. */
  onChange?: (visible: { nodes: number; edges: number }) => void;
  /** The file name of exports, without extension (path-chongqing-hkstp); "graph" by default. */
  exportName?: () => string;
  /**
   * The user changed what the drawing shows: filters (then the drawing is fitted again, no viewport)
   * or zoom and pan (the viewport: zoom and the model point at the canvas centre).
   */
  onStateChange?: (state: GraphState) => void;
  /** The title written above an exported PNG (what the drawing shows); the file name by default. */
  title?: () => string;
}

/** What a link must carry to draw the same picture again. */
export interface GraphState {
  hiddenKinds: Kind[];
  hiddenTypes: string[];
  viewport?: { zoom: number; center: { x: number; y: number } };
}

/** Layout hints for show(): where a path starts, and the column of each node of a chain. */
export interface LayoutHints {
  start?: string;
  columns?: Map<string, number>;
}

/**
 * A network drawing (cytoscape.js): nodes coloured by kind with a legend, edges labelled by type,
 * filters by kind and by relation type, and export of what is shown as PNG, CSV and JSON. Draft
 * nodes and edges (not reviewed yet) have a dashed outline or line in DRAFT_COLOR. Labels are cut;
 * hovering a node or an edge shows its full name in a tooltip.
 */
export class GraphView {
  readonly element: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly filters: HTMLElement;
  private readonly tooltip: HTMLElement;
  private readonly cy: Core;
  private nodes = new Map<string, GraphNode>();
  private edges = new Map<string, GraphEdge>();
  private hiddenKinds = new Set<Kind>();
  private hiddenTypes = new Set<string>();
  private hints: LayoutHints = {};

  constructor(private readonly o: GraphViewOptions) {
    this.canvas = h("div", { class: "graph-canvas", "data-testid": `${o.testId}-canvas` });
    this.filters = h("div", { class: "graph-filters" });
    this.tooltip = h("div", { class: "graph-tooltip", role: "tooltip", "data-testid": `${o.testId}-tooltip`, hidden: true });
    const exports = h(
      "div",
      { class: "graph-exports" },
      h("button", { type: "button", onclick: () => void this.exportPng(), "data-testid": `${o.testId}-png` }, "PNG"),
      h("button", { type: "button", onclick: () => void this.exportCsv(), "data-testid": `${o.testId}-csv` }, "CSV"),
      h("button", { type: "button", onclick: () => this.exportJson(), "data-testid": `${o.testId}-json` }, "JSON"),
    );
    const loading = h(
      "div",
      { class: "graph-loading", "data-testid": `${o.testId}-loading`, "aria-live": "polite" },
      h("span", { class: "spinner" }),
      "Loading…",
    );
    this.element = h(
      "div",
      { class: "graph-view" },
      h("div", { class: "graph-toolbar" }, this.filters, exports),
      h("div", { class: "graph-stage" }, this.canvas, this.tooltip, loading),
    );
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
        // Along a path every other label is above its node, so that neighbours' labels never meet.
        { selector: "node.above", style: { "text-valign": "top", "text-margin-y": -4 } },
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
        { selector: "edge:selected", style: { width: 3, "line-color": "#1f4e99", "target-arrow-color": "#1f4e99", color: "#1f4e99" } },
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
    this.cy.on("tap", "edge", (e) => {
      const edge = this.edges.get(e.target.id());
      if (edge) o.onEdge?.(edge, this.nodes.get(edge.source), this.nodes.get(edge.target));
    });
    this.cy.on("mouseover", "node", (e) => {
      const node = this.nodes.get(e.target.id());
      if (node) this.showTooltip(`${node.name} · ${KIND_STYLE[node.kind].label}`, e.target.renderedPosition());
    });
    this.cy.on("mouseover", "edge", (e) => {
      const edge = this.edges.get(e.target.id());
      if (!edge) return;
      const quotes = edge.evidence.length ? `${edge.evidence.length} quote(s), click to read` : "gazetteer";
      this.showTooltip(`${this.nameOf(edge.source)} ${edge.type} ${this.nameOf(edge.target)} · ${quotes}`, e.target.renderedMidpoint());
    });
    this.cy.on("mouseout", "node, edge", () => {
      this.tooltip.hidden = true;
    });
    this.cy.on("viewport", () => {
      this.tooltip.hidden = true;
    });
    // Zoom and pan by the user (not by a layout's fit): reported once they rest.
    let resting: ReturnType<typeof setTimeout> | undefined;
    this.cy.on("scrollzoom pinchzoom dragpan", () => {
      clearTimeout(resting);
      resting = setTimeout(() => this.o.onStateChange?.({ ...this.filterState(), viewport: this.viewport() }), 250);
    });
  }

  private nameOf(id: string): string {
    return this.nodes.get(id)?.name ?? id;
  }

  private showTooltip(text: string, at: { x: number; y: number }): void {
    this.tooltip.textContent = text;
    this.tooltip.style.left = `${Math.round(at.x)}px`;
    this.tooltip.style.top = `${Math.round(at.y + 16)}px`;
    this.tooltip.hidden = false;
  }

  private filterState(): GraphState {
    return { hiddenKinds: [...this.hiddenKinds], hiddenTypes: [...this.hiddenTypes] };
  }

  /** The zoom, and the model point at the centre of the canvas. */
  private viewport(): { zoom: number; center: { x: number; y: number } } {
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    return { zoom, center: { x: (this.cy.width() / 2 - pan.x) / zoom, y: (this.cy.height() / 2 - pan.y) / zoom } };
  }

  /** The kinds and relation types to hide (from a link); applies to what is drawn next. */
  setHidden(kinds: Kind[], types: string[]): void {
    this.hiddenKinds = new Set(kinds.filter((k) => KINDS.includes(k)));
    this.hiddenTypes = new Set(types);
  }

  /** Zooms and centres the drawing as a link says (after show). */
  setViewport(zoom: number, center: { x: number; y: number }): void {
    if (!Number.isFinite(zoom) || !Number.isFinite(center.x) || !Number.isFinite(center.y)) return;
    this.cy.zoom(zoom);
    const z = this.cy.zoom(); // within minZoom and maxZoom
    this.cy.pan({ x: this.cy.width() / 2 - center.x * z, y: this.cy.height() / 2 - center.y * z });
  }

  /** Replaces what is drawn; resolves once the layout has settled. */
  show(graph: Subgraph, focus?: string, hints: LayoutHints = {}): Promise<void> {
    this.nodes.clear();
    this.edges.clear();
    this.cy.elements().remove();
    this.hints = hints;
    this.tooltip.hidden = true;
    return this.add(graph, focus, true);
  }

  /** Adds nodes and edges (an expansion), keeping what is drawn and laying out again. */
  add(graph: Subgraph, focus?: string, fresh = false): Promise<void> {
    const added: ElementDefinition[] = [];
    const start = this.startPositions(graph);
    for (const n of graph.nodes) {
      if (this.nodes.has(n.id)) continue;
      this.nodes.set(n.id, n);
      added.push({
        group: "nodes",
        data: { id: n.id, name: n.name, label: shortLabel(n.name), color: KIND_STYLE[n.kind].color, kind: n.kind },
        classes: n.draft ? "draft" : "",
        position: start.get(n.id),
      });
    }
    for (const e of graph.edges) {
      const id = `${e.source}|${e.type}|${e.target}`;
      if (this.edges.has(id) || !this.nodes.has(e.source) || !this.nodes.has(e.target)) continue;
      this.edges.set(id, e);
      added.push({
        group: "edges",
        data: { id, source: e.source, target: e.target, type: e.type },
        classes: [e.evidence.length ? "" : "gazetteer", e.draft ? "draft" : ""].join(" ").trim(),
      });
    }
    this.cy.add(added);
    if (focus) {
      this.cy.nodes().removeClass("focus");
      this.cy.getElementById(focus).addClass("focus");
    }
    this.applyFilters();
    this.renderFilters();
    // A new drawing starts afresh; an expansion refines the drawing there is, new nodes around their anchor.
    return this.layout(fresh);
  }

  /**
   * Where new nodes of an expansion start before the force layout refines them: on a circle around
   * a neighbour already drawn, or around the origin.
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

  /** What is shown (filters applied): the status line and the browser tests read it. */
  get size() {
    return { nodes: this.cy.nodes().not(".hidden").length, edges: this.cy.edges().not(".hidden").length };
  }

  private layout(randomize: boolean): Promise<void> {
    this.cy.resize(); // the view may have been hidden when the graph was built
    const visible = this.cy.elements().not(".hidden");
    const n = visible.nodes().length;
    if (!n) {
      this.markCounts();
      return Promise.resolve();
    }
    const options =
      this.o.layout === "path"
        ? { name: "preset", positions: this.pathPositions(), fit: true, padding: 40, animate: false }
        : this.o.layout === "columns"
          ? { name: "preset", positions: this.columnPositions(), fit: true, padding: 40, animate: false }
          : {
              name: "fcose",
              quality: "proof",
              // A new drawing starts from fcose's spectral placement; a refinement (expansion, filter) from where nodes are.
              randomize: randomize && n > 2,
              animate: false,
              fit: true,
              padding: 30,
              nodeDimensionsIncludeLabels: true,
              packComponents: true,
              nodeRepulsion: () => (n > 150 ? 6000 : 12000),
              idealEdgeLength: () => (n > 150 ? 70 : 110),
              nodeSeparation: 90,
              gravity: 0.3,
              numIter: 2500,
            };
    const layout = visible.layout(options as cytoscape.LayoutOptions);
    const settled = layout.promiseOn("layoutstop").then(() => this.afterLayout());
    // fcose draws random numbers: seeded, the same graph is drawn the same way every time.
    withSeededRandom(() => layout.run());
    return settled;
  }

  /** Path: left to right by distance (in visible edges) from the start; nodes it does not reach in a row below. */
  private pathPositions(): Record<string, { x: number; y: number }> {
    const visible = this.cy.nodes().not(".hidden");
    const startId = this.hints.start && visible.getElementById(this.hints.start).length ? this.hints.start : visible.first().id();
    const dist = new Map<string, number>([[startId, 0]]);
    const queue = [startId];
    while (queue.length) {
      const id = queue.shift() as string;
      const d = dist.get(id) as number;
      this.cy
        .getElementById(id)
        .connectedEdges()
        .not(".hidden")
        .connectedNodes()
        .forEach((m) => {
          if (!dist.has(m.id())) {
            dist.set(m.id(), d + 1);
            queue.push(m.id());
          }
        });
    }
    const out: Record<string, { x: number; y: number }> = {};
    const perColumn = new Map<number, number>();
    let unreached = 0;
    visible.forEach((node) => {
      const d = dist.get(node.id());
      if (d === undefined) {
        node.removeClass("above");
        out[node.id()] = { x: unreached++ * STEP_X, y: 2 * ROW_Y };
        return;
      }
      const row = perColumn.get(d) ?? 0;
      perColumn.set(d, row + 1);
      node.toggleClass("above", d % 2 === 1);
      // Two nodes at the same distance (two paths of equal length): one above the other.
      out[node.id()] = { x: d * STEP_X, y: row * ROW_Y * (row % 2 ? 1 : -1) };
    });
    return out;
  }

  /**
   * Chain: one column per role, left to right; within a column, nodes in the order of their
   * neighbours in the column before (fewer crossings), centred, so a line's customers fan out.
   */
  private columnPositions(): Record<string, { x: number; y: number }> {
    const visible = this.cy.nodes().not(".hidden");
    const columnOf = (id: string) => this.hints.columns?.get(id) ?? 0;
    const columns = new Map<number, string[]>();
    visible.forEach((node) => {
      const c = columnOf(node.id());
      columns.set(c, [...(columns.get(c) ?? []), node.id()]);
    });
    const rowOf = new Map<string, number>();
    const out: Record<string, { x: number; y: number }> = {};
    for (const c of [...columns.keys()].sort((a, b) => a - b)) {
      const ids = columns.get(c) as string[];
      const weight = (id: string) => {
        const rows = this.cy
          .getElementById(id)
          .connectedEdges()
          .not(".hidden")
          .connectedNodes()
          .map((m) => rowOf.get(m.id()))
          .filter((r): r is number => r !== undefined);
        return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : Number.POSITIVE_INFINITY;
      };
      const weights = new Map(ids.map((id, i) => [id, [weight(id), i] as const]));
      ids.sort((a, b) => {
        const [wa, ia] = weights.get(a) as readonly [number, number];
        const [wb, ib] = weights.get(b) as readonly [number, number];
        return wa === wb ? ia - ib : wa - wb;
      });
      ids.forEach((id, i) => {
        const y = (i - (ids.length - 1) / 2) * ROW_Y;
        rowOf.set(id, y);
        out[id] = { x: c * COLUMN_X, y };
      });
    }
    return out;
  }

  private afterLayout(): void {
    const visible = this.cy.nodes().not(".hidden");
    if (this.o.layout !== "path" && this.o.layout !== "columns") {
      // The force layout keeps nodes apart by repulsion; what still touches (labels included) is moved apart.
      const list = visible.nodes().toArray() as cytoscape.NodeSingular[];
      const shifts = removeOverlaps(list.map((node) => node.boundingBox({ includeLabels: true, includeOverlays: false })));
      list.forEach((node, i) => {
        const s = shifts[i];
        if (s && (s.dx || s.dy)) node.position({ x: node.position("x") + s.dx, y: node.position("y") + s.dy });
      });
      this.cy.fit(visible, 30);
    }
    // A handful of nodes would be blown up to fill the canvas: keep labels at a readable size.
    if (this.cy.zoom() > 1.3) {
      this.cy.zoom(1.3);
      this.cy.center(visible);
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

  /** A filter changed: what remains is laid out again (no floating nodes) and counted. */
  private toggle<T>(hidden: Set<T>, value: T, shown: boolean): void {
    if (shown) hidden.delete(value);
    else hidden.add(value);
    this.applyFilters();
    this.canvas.dataset.settled = "false";
    void this.layout(false).then(() => {
      this.canvas.dataset.settled = "true";
      this.o.onChange?.(this.size);
      this.o.onStateChange?.(this.filterState());
    });
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

  /** The view and entity the drawing shows (path-chongqing-hkstp), for file names. */
  private get exportName(): string {
    return fileSafe(this.o.exportName?.() ?? "graph");
  }

  /**
   * The drawing as PNG, with a title above it, the legend (kinds shown, dashed lines) and a source
   * line below: the picture explains itself when it travels without the page.
   */
  async exportPng(): Promise<void> {
    const scale = 2;
    const drawing = await loadImage(this.cy.png({ output: "base64uri", full: true, scale, bg: "#ffffff" }));
    const visible = this.visibleGraph();
    const kinds = KINDS.filter((k) => visible.nodes.some((n) => n.kind === k));
    const lines: Array<[string, string]> = [];
    if (visible.edges.some((e) => !e.evidence.length)) lines.push(["#b8b8b8", "gazetteer (general knowledge)"]);
    if (visible.edges.some((e) => e.draft) || visible.nodes.some((n) => n.draft)) lines.push([DRAFT_COLOR, "draft (awaiting review)"]);
    const pad = 16 * scale;
    const width = Math.max(drawing.width + 2 * pad, 900 * scale);
    const header = 40 * scale;
    const legendRow = 22 * scale;
    // Legend entries wrap onto as many rows as the width needs.
    const ctxProbe = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
    ctxProbe.font = `${12 * scale}px ${FONT}`;
    const entries = [
      ...kinds.map((k) => ({ color: KIND_STYLE[k].color, label: KIND_STYLE[k].label, dashed: false })),
      ...lines.map(([color, label]) => ({ color, label, dashed: true })),
    ].map((e) => ({ ...e, w: 30 * scale + ctxProbe.measureText(e.label).width }));
    const rows: Array<typeof entries> = [[]];
    let x = pad;
    for (const e of entries) {
      if (x + e.w > width - pad && (rows.at(-1) as typeof entries).length) {
        rows.push([]);
        x = pad;
      }
      (rows.at(-1) as typeof entries).push(e);
      x += e.w;
    }
    const footer = 26 * scale;
    const height = header + rows.length * legendRow + drawing.height + footer + pad;
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = "#1d2330";
    ctx.textBaseline = "middle";
    ctx.font = `bold ${17 * scale}px ${FONT}`;
    ctx.fillText(this.o.title?.() ?? this.exportName, pad, header / 2 + 4 * scale);
    ctx.font = `${12 * scale}px ${FONT}`;
    rows.forEach((row, r) => {
      let at = pad;
      const y = header + r * legendRow + legendRow / 2;
      for (const e of row) {
        ctx.strokeStyle = e.color;
        ctx.fillStyle = e.color;
        if (e.dashed) {
          ctx.lineWidth = 2 * scale;
          ctx.setLineDash([5 * scale, 3 * scale]);
          ctx.beginPath();
          ctx.moveTo(at, y);
          ctx.lineTo(at + 22 * scale, y);
          ctx.stroke();
          ctx.setLineDash([]);
        } else {
          ctx.beginPath();
          ctx.arc(at + 8 * scale, y, 6 * scale, 0, 2 * Math.PI);
          ctx.fill();
        }
        ctx.fillStyle = "#1d2330";
        ctx.fillText(e.label, at + 26 * scale, y);
        at += e.w;
      }
    });
    const top = header + rows.length * legendRow;
    ctx.drawImage(drawing, (width - drawing.width) / 2, top);
    ctx.fillStyle = "#667085";
    ctx.font = `${11 * scale}px ${FONT}`;
    const when = new Date().toISOString().slice(0, 10);
    ctx.fillText(
      `Regional innovation graph · ${visible.nodes.length} entities, ${visible.edges.length} relations · the quotes behind each relation: CSV export · ${location.href} · ${when}`,
      pad,
      top + drawing.height + footer / 2 + pad / 2,
      width - 2 * pad,
    );
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("the PNG could not be made"))), "image/png"),
    );
    download(`${this.exportName}.png`, blob);
  }

  exportJson(): void {
    download(`${this.exportName}.json`, JSON.stringify(this.visibleGraph(), null, 2), "application/json");
  }

  /**
   * One row per edge and piece of evidence, with both ends' names and kinds, the basis (article or
   * gazetteer) and the article's title and date: opens in any spreadsheet.
   */
  async exportCsv(): Promise<void> {
    const g = this.visibleGraph();
    const node = (id: string) => this.nodes.get(id);
    const ids = [...new Set(g.edges.flatMap((e) => e.evidence.map((ev) => ev.articleId)))];
    // Without the titles (the API cannot be reached), the rest of the export is still worth having.
    const meta = await articlesMeta(ids).catch(() => new Map<string, ArticleMeta>());
    const rows = [
      [
        "source_id",
        "source_name",
        "source_kind",
        "type",
        "target_id",
        "target_name",
        "target_kind",
        "basis",
        "article_id",
        "article_title",
        "article_date",
        "quote",
        "draft",
      ],
    ];
    for (const e of g.edges) {
      const basis = e.evidence.length ? "article" : "gazetteer";
      const evidence = e.evidence.length ? e.evidence : [{ articleId: "", quote: "", draft: e.draft }];
      for (const ev of evidence) {
        const a = meta.get(ev.articleId);
        rows.push([
          e.source,
          node(e.source)?.name ?? e.source,
          node(e.source)?.kind ?? "",
          e.type,
          e.target,
          node(e.target)?.name ?? e.target,
          node(e.target)?.kind ?? "",
          basis,
          ev.articleId,
          a ? (a.title ?? a.titleEn) : "",
          a?.publishedAt ?? "",
          ev.quote,
          ev.draft ? "draft" : "",
        ]);
      }
    }
    const csv = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\r\n");
    download(`${this.exportName}.csv`, `\ufeff${csv}`, "text/csv");
  }
}

/** A label short enough not to cover its neighbours; the tooltip has the whole name. */
export function shortLabel(name: string): string {
  const chars = [...name];
  return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join("")}…` : name;
}

/** Runs fn with Math.random replaced by a seeded generator (mulberry32), so layouts are repeatable. */
function withSeededRandom(fn: () => void, seed = 20241125): void {
  const original = Math.random;
  let a = seed;
  Math.random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    fn();
  } finally {
    Math.random = original;
  }
}

/** Letters, digits, dots, dashes and underscores only, in a file name. */
function fileSafe(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "") || "graph";
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error("the drawing could not be read back"));
    img.src = src;
  });
}
