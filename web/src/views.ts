import {
  connections,
  type GraphEdge,
  type GraphNode,
  innovationChains,
  type Kind,
  neighborhood,
  nodesByIds,
  type Placement,
  regionCooperation,
} from "./api.js";
import type { ArticleView } from "./article-view.js";
import { EntityCard } from "./card.js";
import { clear, h } from "./dom.js";
import { edgeDetails, evidenceList } from "./evidence.js";
import { type GraphState, GraphView } from "./graph-view.js";
import { draftsIncluded, navigate, replaceRoute, type ViewName } from "./route.js";
import { SearchBox } from "./search-box.js";

export interface View {
  element: HTMLElement;
  /**
   * Shows the view for these parameters. `live()` turns false once the user has moved on (another
   * view, other parameters): a render then stops at its next answer without touching the page.
   */
  render(params: URLSearchParams, live: () => boolean): Promise<void>;
}

type Status = (text: string, error?: boolean) => void;

const list = (v: string | null) => (v ?? "").split(",").filter(Boolean);

/** A drawing's filters and zoom, kept in the URL (hk: hidden kinds, ht: hidden types, z: zoom, c: centre) so a link restores them. */
function keepGraphState(view: ViewName, params: () => URLSearchParams): (s: GraphState) => void {
  return (s) => {
    const p = params();
    const put = (k: string, v?: string) => (v ? p.set(k, v) : p.delete(k));
    put("hk", s.hiddenKinds.join(","));
    put("ht", s.hiddenTypes.join(","));
    put("z", s.viewport?.zoom.toFixed(3));
    put("c", s.viewport && `${Math.round(s.viewport.center.x)},${Math.round(s.viewport.center.y)}`);
    replaceRoute(view, Object.fromEntries(p));
  };
}

/** The filters of a link, before drawing. */
function restoreFilters(graph: GraphView, p: URLSearchParams): void {
  graph.setHidden(list(p.get("hk")) as Kind[], list(p.get("ht")));
}

/** The zoom and centre of a link, after drawing. */
function restoreViewport(graph: GraphView, p: URLSearchParams): void {
  const [x, y] = list(p.get("c")).map(Number);
  if (p.get("z") && x !== undefined && y !== undefined) graph.setViewport(Number(p.get("z")), { x, y });
}

/** A side panel's box for the edge clicked in the drawing: its ends, type and quotes. */
function edgePanel(articles: ArticleView, testId: string) {
  const element = h("div", { class: "edge-panel", "data-testid": `${testId}-edge`, hidden: true });
  return {
    element,
    hide() {
      clear(element);
      element.hidden = true;
    },
    show(edge: GraphEdge, source?: GraphNode, target?: GraphNode) {
      clear(element);
      element.append(
        h("button", { type: "button", class: "close", "aria-label": "Close", onclick: () => this.hide() }, "×"),
        edgeDetails(edge, source, target, (a, q) => void articles.open(a, q)),
      );
      element.hidden = false;
      element.scrollIntoView({ block: "nearest" });
    },
  };
}

/** Search, the entity card and its neighbourhood drawn, with depth control and expansion. */
export function exploreView(articles: ArticleView, status: Status): View {
  let params = new URLSearchParams();
  const go = (id: string, extra: Record<string, string | undefined> = {}) =>
    navigate("explore", { id, depth: params.get("depth") ?? undefined, ...extra });
  const card = new EntityCard(
    (a, q) => void articles.open(a, q),
    (id) => go(id),
  );
  let selected: GraphNode | undefined;
  const expand = async (node: GraphNode) => {
    const x = new Set((params.get("x") ?? "").split(",").filter(Boolean));
    x.add(node.id);
    navigate("explore", {
      id: params.get("id") ?? undefined,
      depth: params.get("depth") ?? undefined,
      x: [...x].join(","),
      sel: node.id,
      hk: params.get("hk") ?? undefined,
      ht: params.get("ht") ?? undefined,
    });
  };
  const counts = (visible: { nodes: number; edges: number }) =>
    `${visible.nodes} entities, ${visible.edges} relations shown${draftsIncluded(params) ? " (drafts included)" : ""}`;
  const graph = new GraphView({
    testId: "explore-graph",
    onSelect: (n) => {
      selected = n;
      card.show(n.id, draftsIncluded(params)).catch(() => {}); // the card says what went wrong
      params.set("sel", n.id);
      replaceRoute("explore", Object.fromEntries(params));
    },
    onExpand: (n) => void expand(n),
    onEdge: (e, s, t) => card.showEdge(e, s, t),
    onChange: (visible) => status(counts(visible)),
    onStateChange: keepGraphState("explore", () => params),
    exportName: () => `explore-${params.get("id") ?? "graph"}${Number(params.get("depth") ?? 1) > 1 ? `-depth${params.get("depth")}` : ""}`,
    title: () => title,
  });
  let title = "";
  const search = new SearchBox({
    placeholder: "Search in any language: 香港, 홍콩, Hong Kong, 香港貿易発展局…",
    testId: "search",
    onPick: (hit) => go(hit.id),
  });
  const depth = h(
    "select",
    {
      "data-testid": "depth",
      "aria-label": "Depth",
      onchange: (e) =>
        navigate("explore", { ...Object.fromEntries(params), depth: (e.target as HTMLSelectElement).value, z: undefined, c: undefined }),
    },
    ...[1, 2, 3].map((d) => h("option", { value: d }, `depth ${d}`)),
  );
  const expandButton = h(
    "button",
    { type: "button", "data-testid": "expand", onclick: () => selected && void expand(selected) },
    "Expand selected",
  );
  const element = h(
    "section",
    { class: "view explore" },
    h("div", { class: "controls" }, search.element, depth, expandButton),
    h("div", { class: "split" }, graph.element, card.element),
  );
  return {
    element,
    async render(p, live) {
      params = p;
      const id = p.get("id");
      const d = Number(p.get("depth") ?? 1);
      depth.value = String(d);
      if (!id) return status("Type a name to start.");
      const includeDrafts = draftsIncluded(p);
      status(`Loading ${id}…`);
      // The card loads beside the graph, not after it: it opens on the entity picked as soon as it can.
      const sel = p.get("sel") ?? id;
      const cardShown = card.show(sel, includeDrafts).then(
        () => undefined,
        (err: Error) => err,
      );
      const around = await neighborhood(id, d, { includeDrafts });
      if (!live()) return;
      const focusNode = around.nodes.find((n) => n.id === id);
      if (focusNode) search.setValue(focusNode.name);
      restoreFilters(graph, p);
      title = `${focusNode?.name ?? id}: its network, depth ${d}`;
      await graph.show(around, id);
      for (const x of (p.get("x") ?? "").split(",").filter(Boolean)) {
        const more = await neighborhood(x, 1, { includeDrafts });
        if (!live()) return;
        await graph.add(more);
      }
      restoreViewport(graph, p);
      selected = focusNode;
      const cardError = await cardShown;
      if (!live()) return;
      if (cardError) throw cardError;
      status(counts(graph.size));
    },
  };
}

/**
 * Pick two entities and see up to k shortest connections (connections), the quote behind each
 * step; avoid an entity on the way, a kind, or allow hubs. One path is drawn at a time.
 */
export function pathView(articles: ArticleView, status: Status): View {
  // The URL's parameters, plus an end picked while the other is still missing.
  let params = new URLSearchParams();
  const go = (extra: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(extra)) params.set(k, v ?? "");
    // Another drawing: the zoom of this one does not apply.
    params.delete("z");
    params.delete("c");
    const next = Object.fromEntries(params);
    if (next.from && next.to) navigate("path", next);
  };
  const fromBox = new SearchBox({ placeholder: "From…", testId: "path-from", onPick: (hit) => go({ from: hit.id, p: undefined }) });
  const toBox = new SearchBox({ placeholder: "To…", testId: "path-to", onPick: (hit) => go({ to: hit.id, p: undefined }) });
  const k = h(
    "select",
    { "data-testid": "path-k", "aria-label": "Paths", onchange: (e) => go({ k: (e.target as HTMLSelectElement).value, p: undefined }) },
    ...[1, 3, 5, 10].map((n) => h("option", { value: n }, `${n} path${n > 1 ? "s" : ""}`)),
  );
  const avoidKind = h(
    "select",
    {
      "data-testid": "path-avoid-kind",
      "aria-label": "Kind to avoid",
      onchange: (e) => go({ ak: (e.target as HTMLSelectElement).value, p: undefined }),
    },
    h("option", { value: "" }, "avoid no kind"),
    ...(["REGION", "PERSON", "EVENT", "AGREEMENT", "INSTITUTION", "COMPANY", "LAB", "TECHNOLOGY"] as Kind[]).map((kind) =>
      h("option", { value: kind }, `avoid ${kind.toLowerCase()}s`),
    ),
  );
  const hubs = h("input", {
    type: "checkbox",
    "data-testid": "path-hubs",
    onchange: (e) => go({ hubs: (e.target as HTMLInputElement).checked ? "1" : undefined, p: undefined }),
  });
  const avoided = h("span", { class: "avoided", "data-testid": "path-avoided" });
  const edge = edgePanel(articles, "path");
  const graph = new GraphView({
    testId: "path-graph",
    layout: "path",
    onExpand: (n) => navigate("explore", { id: n.id }),
    onEdge: (e, s, t) => edge.show(e, s, t),
    exportName: () => `path-${params.get("from")}-${params.get("to")}`,
    onStateChange: keepGraphState("path", () => params),
    title: () => title,
  });
  let title = "";
  const choices = h("div", { class: "path-choices", "data-testid": "path-choices" });
  const steps = h("ol", { class: "steps", "data-testid": "path-steps" });
  const avoidButtons = h("div", { class: "path-avoid" });
  const element = h(
    "section",
    { class: "view path" },
    h("div", { class: "controls" }, fromBox.element, toBox.element, k, avoidKind, h("label", {}, hubs, " through hubs"), avoided),
    h("div", { class: "split" }, graph.element, h("aside", { class: "card" }, edge.element, choices, steps, avoidButtons)),
  );
  const avoidList = () => (params.get("avoid") ?? "").split(",").filter(Boolean);
  return {
    element,
    async render(p, live) {
      params = new URLSearchParams(p);
      edge.hide();
      const from = p.get("from") ?? undefined;
      const to = p.get("to") ?? undefined;
      clear(steps);
      clear(choices);
      clear(avoided);
      clear(avoidButtons);
      k.value = p.get("k") ?? "3";
      avoidKind.value = p.get("ak") ?? "";
      hubs.checked = p.get("hubs") === "1";
      if (!from || !to) return status("Pick two entities.");
      status(`Looking for paths from ${from} to ${to}…`);
      const avoid = avoidList();
      for (const id of avoid) {
        avoided.append(
          h(
            "button",
            {
              type: "button",
              title: "pass through it again",
              onclick: () => go({ avoid: avoid.filter((x) => x !== id).join(","), p: undefined }),
            },
            `${id} ✕`,
          ),
        );
      }
      const found = await connections(
        from,
        to,
        { k: Number(k.value), avoid, avoidKinds: avoidKind.value ? [avoidKind.value as Kind] : [], hubs: hubs.checked },
        { includeDrafts: draftsIncluded(p) },
      );
      if (!live()) return;
      restoreFilters(graph, p);
      if (!found.length) {
        await graph.show({ nodes: [], edges: [] });
        steps.append(h("li", {}, "No connection within 8 steps."));
        return status("No connection found.");
      }
      const chosen = Math.min(Number(p.get("p") ?? 0) || 0, found.length - 1);
      const path = found[chosen] as (typeof found)[number];
      const byId = new Map(found.flatMap((f) => f.nodes).map((n) => [n.id, n]));
      fromBox.setValue(byId.get(from)?.name ?? from);
      toBox.setValue(byId.get(to)?.name ?? to);
      found.forEach((f, i) => {
        const label = `${i + 1}: ${
          f.nodes
            .slice(1, -1)
            .map((n) => n.name)
            .join(" → ") || "direct"
        } (${f.edges.length} steps)`;
        choices.append(
          h("button", { type: "button", class: i === chosen ? "chosen" : undefined, onclick: () => go({ p: String(i) }) }, label),
        );
      });
      title = `Path from ${byId.get(from)?.name ?? from} to ${byId.get(to)?.name ?? to} (${chosen + 1} of ${found.length}, ${path.edges.length} steps)`;
      await graph.show(path, undefined, { start: from });
      restoreViewport(graph, p);
      for (const e of path.edges) steps.append(stepItem(e, byId, articles));
      for (const n of path.nodes.slice(1, -1)) {
        avoidButtons.append(
          h(
            "button",
            { type: "button", "data-testid": "path-avoid", onclick: () => go({ avoid: [...avoid, n.id].join(","), p: undefined }) },
            `avoid ${n.name}`,
          ),
        );
      }
      status(
        `${found.length} path(s) from ${byId.get(from)?.name} to ${byId.get(to)?.name}; showing ${chosen + 1}, ${path.edges.length} steps`,
      );
    },
  };
}

function stepItem(e: GraphEdge, byId: Map<string, GraphNode>, articles: ArticleView) {
  return h(
    "li",
    {},
    h("strong", {}, byId.get(e.source)?.name ?? e.source),
    ` ${e.type} `,
    h("strong", {}, byId.get(e.target)?.name ?? e.target),
    evidenceList(e, (a, q) => void articles.open(a, q)),
  );
}

/** Lab or institution → spin-off → production line → customer. */
export function chainsView(articles: ArticleView, status: Status): View {
  const throughBox = new SearchBox({
    placeholder: "Through an entity (optional)…",
    testId: "chains-through",
    onPick: (hit) => navigate("chains", { through: hit.id }),
  });
  const all = h("button", { type: "button", onclick: () => navigate("chains", {}) }, "All chains");
  let through: string | undefined;
  let params = new URLSearchParams();
  const edge = edgePanel(articles, "chains");
  const graph = new GraphView({
    testId: "chains-graph",
    layout: "columns",
    onExpand: (n) => navigate("explore", { id: n.id }),
    onEdge: (e, s, t) => edge.show(e, s, t),
    exportName: () => `chains-${through ?? "all"}`,
    onStateChange: keepGraphState("chains", () => params),
    title: () => title,
  });
  let title = "";
  const list = h("div", { class: "chains", "data-testid": "chains-list" });
  const element = h(
    "section",
    { class: "view chains" },
    h("div", { class: "controls" }, throughBox.element, all),
    h("div", { class: "split" }, graph.element, h("aside", { class: "card" }, edge.element, list)),
  );
  return {
    element,
    async render(p, live) {
      through = p.get("through") || undefined;
      params = new URLSearchParams(p);
      edge.hide();
      status("Looking for innovation chains…");
      const chains = await innovationChains(through, { includeDrafts: draftsIncluded(p) });
      if (!live()) return;
      clear(list);
      const nodes = chains.flatMap((c) => [c.lab, c.spinoff, c.productionLine, c.customer]);
      // Columns lab → company → line → customer; an entity in two roles stays in its first (leftmost) column.
      const columns = new Map<string, number>();
      for (const c of chains) {
        [c.lab, c.spinoff, c.productionLine, c.customer].forEach((n, i) => {
          columns.set(n.id, Math.min(columns.get(n.id) ?? i, i));
        });
      }
      const throughName = nodes.find((n) => n.id === through)?.name ?? through;
      title = `Innovation chains${through ? ` through ${throughName}` : ""}: lab → company → production line → customer`;
      restoreFilters(graph, p);
      await graph.show({ nodes, edges: chains.flatMap((c) => c.edges) }, undefined, { columns });
      restoreViewport(graph, p);
      for (const c of chains) {
        const byId = new Map([c.lab, c.spinoff, c.productionLine, c.customer].map((n) => [n.id, n]));
        list.append(
          h(
            "div",
            { class: "chain" },
            h("h4", {}, [c.lab, c.spinoff, c.productionLine, c.customer].map((n) => n.name).join(" → ")),
            h("ol", { class: "steps" }, ...c.edges.map((e) => stepItem(e, byId, articles))),
          ),
        );
      }
      if (!chains.length) list.append(h("p", {}, "No innovation chain found."));
      status(`${chains.length} innovation chain(s)`);
    },
  };
}

/**
 * Pick two regions (Hong Kong and Shandong) and see the cooperation between them, direct and
 * through a shared agreement, event, lab or company, with where each end lies; filter region A's
 * ends by kind and type ("Hong Kong universities").
 */
export function regionsView(articles: ArticleView, status: Status): View {
  // The URL's parameters, plus a region picked while the other is still missing.
  let params = new URLSearchParams();
  const go = (extra: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(extra)) params.set(k, v ?? "");
    params.delete("z");
    params.delete("c");
    const next = Object.fromEntries(params);
    if (next.a && next.b) navigate("regions", next);
  };
  const aBox = new SearchBox({
    placeholder: "Region A (e.g. 香港)…",
    kinds: ["REGION"],
    testId: "region-a",
    onPick: (hit) => go({ a: hit.id }),
  });
  const bBox = new SearchBox({
    placeholder: "Region B (e.g. 山东)…",
    kinds: ["REGION"],
    testId: "region-b",
    onPick: (hit) => go({ b: hit.id }),
  });
  const kind = h(
    "select",
    {
      "data-testid": "region-a-kind",
      "aria-label": "Kind of A's ends",
      onchange: (e) => go({ ak: (e.target as HTMLSelectElement).value }),
    },
    h("option", { value: "" }, "A: any kind"),
    ...(["INSTITUTION", "COMPANY", "LAB", "PERSON", "REGION"] as Kind[]).map((k) => h("option", { value: k }, `A: ${k.toLowerCase()}`)),
  );
  const type = h("input", {
    "data-testid": "region-a-type",
    "aria-label": "Type of A's ends",
    placeholder: "type (e.g. university)",
    size: 16,
    onchange: (e) => go({ at: (e.target as HTMLInputElement).value.trim() }),
  });
  const bridged = h("input", {
    type: "checkbox",
    "data-testid": "region-bridged",
    onchange: (e) => go({ direct: (e.target as HTMLInputElement).checked ? undefined : "1" }),
  });
  const edge = edgePanel(articles, "regions");
  const graph = new GraphView({
    testId: "regions-graph",
    onExpand: (n) => navigate("explore", { id: n.id }),
    onEdge: (e, s, t) => edge.show(e, s, t),
    exportName: () => `regions-${params.get("a")}-${params.get("b")}`,
    onStateChange: keepGraphState("regions", () => params),
    title: () => title,
  });
  let title = "";
  const pairs = h("table", { class: "pairs", "data-testid": "region-pairs" });
  const list = h("ol", { class: "steps", "data-testid": "region-links" });
  const element = h(
    "section",
    { class: "view regions" },
    h("div", { class: "controls" }, aBox.element, bBox.element, kind, type, h("label", {}, bridged, " through a shared party")),
    h("div", { class: "split" }, graph.element, h("aside", { class: "card" }, edge.element, pairs, list)),
  );
  const where = (p: Placement) =>
    p.basis === "LOCATED"
      ? `in ${p.region.name}${p.gazetteer ? " (gazetteer)" : ""}`
      : p.basis === "NAME"
        ? `in ${p.region.name}: its name says "${p.matchedName}"`
        : `in ${p.region.name}: signed at ${p.event?.name ?? "an event"} there`;
  return {
    element,
    async render(p, live) {
      params = new URLSearchParams(p);
      edge.hide();
      const a = p.get("a") ?? undefined;
      const b = p.get("b") ?? undefined;
      clear(list);
      clear(pairs);
      kind.value = p.get("ak") ?? "";
      type.value = p.get("at") ?? "";
      bridged.checked = p.get("direct") !== "1";
      if (!a || !b) return status("Pick two regions.");
      status(`Looking for links between ${a} and ${b}…`);
      const found = await regionCooperation(
        a,
        b,
        {
          aKinds: p.get("ak") ? [p.get("ak") as Kind] : undefined,
          aTypes: p.get("at") ? [p.get("at") as string] : undefined,
          bridged: bridged.checked,
        },
        { includeDrafts: draftsIncluded(p) },
      );
      if (!live()) return;
      const regions = await nodesByIds([a, b]);
      if (!live()) return;
      const byId = new Map(regions.map((n) => [n.id, n]));
      for (const l of found.links) for (const n of [l.a, l.b, l.bridge, l.placementA.region, l.placementB.region]) if (n) byId.set(n.id, n);
      aBox.setValue(byId.get(a)?.name ?? a);
      bBox.setValue(byId.get(b)?.name ?? b);
      const edges = found.links.flatMap((l) => l.edges);
      title = `Cooperation between ${byId.get(a)?.name ?? a} and ${byId.get(b)?.name ?? b}`;
      restoreFilters(graph, p);
      await graph.show({ nodes: [...byId.values()].filter((n) => edges.some((e) => e.source === n.id || e.target === n.id)), edges });
      restoreViewport(graph, p);
      pairs.append(
        h("tr", {}, ...["A", "B", "links", "articles", "first", "last"].map((t) => h("th", {}, t))),
        ...found.pairs.map((pair) =>
          h(
            "tr",
            {},
            h("td", {}, pair.a.name),
            h("td", {}, pair.b.name),
            h("td", {}, String(pair.links)),
            h("td", {}, String(pair.articles)),
            h("td", {}, pair.firstDate ?? "—"),
            h("td", {}, pair.lastDate ?? "—"),
          ),
        ),
      );
      for (const l of found.links) {
        list.append(
          h(
            "li",
            { class: "region-link" },
            h("strong", {}, l.a.name),
            l.bridge ? ` — ${l.bridge.name} — ` : " — ",
            h("strong", {}, l.b.name),
            h("div", { class: "placement" }, `${l.a.name} ${where(l.placementA)}; ${l.b.name} ${where(l.placementB)}`),
            h("ol", { class: "steps" }, ...l.edges.map((e) => stepItem(e, byId, articles))),
          ),
        );
      }
      if (!found.links.length) list.append(h("li", {}, "No link between these regions."));
      const more = found.truncated || found.total > found.links.length ? ` (showing ${found.links.length} of ${found.total})` : "";
      status(`${found.total} link(s) between ${byId.get(a)?.name} and ${byId.get(b)?.name}, ${found.pairs.length} pair(s)${more}`);
    },
  };
}
