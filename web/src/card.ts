import { type EntityDetails, entityDetails, type GraphEdge, type GraphNode, kindOfTypename, neighborhood } from "./api.js";
import { appendAll, clear, h, onClick } from "./dom.js";
import { edgeDetails, evidenceList } from "./evidence.js";
import { KIND_STYLE, LANG_LABEL } from "./kinds.js";

/**
 * The entity card: kind, names and aliases with their languages, key attributes, location chain,
 * measures, and relations grouped by type with the quote behind each.
 */
export class EntityCard {
  readonly element: HTMLElement;
  /** Which show() is the latest: an answer for an entity the user already left is dropped. */
  private seq = 0;

  constructor(
    private readonly openArticle: (articleId: string, quote: string) => void,
    private readonly focus: (id: string) => void,
  ) {
    this.element = h(
      "aside",
      { class: "card", "data-testid": "card" },
      h("p", { class: "hint" }, "Search for an entity, or click a node."),
    );
  }

  /** Shows an entity; with includeDrafts, its relations include the drafted ones, marked as such. */
  async show(id: string, includeDrafts = false): Promise<void> {
    const seq = ++this.seq;
    this.element.setAttribute("aria-busy", "true");
    if (!this.element.querySelector(".card-loading")) {
      this.element.prepend(
        h("p", { class: "busy card-loading", "data-testid": "card-loading" }, h("span", { class: "spinner" }), "Loading…"),
      );
    }
    let details: EntityDetails | undefined;
    let around: { nodes: GraphNode[]; edges: GraphEdge[] };
    try {
      [details, around] = await Promise.all([entityDetails(id), neighborhood(id, 1, { limit: 500, includeDrafts })]);
    } catch (err) {
      if (seq !== this.seq) return;
      // Not the previous entity's card nor an empty one: what went wrong, and a way to try again.
      this.element.removeAttribute("aria-busy");
      clear(this.element);
      this.element.dataset.id = id;
      this.element.append(
        h("p", { class: "review-error", "data-testid": "card-error" }, `The card of ${id} could not be loaded: ${(err as Error).message}`),
        h("button", { type: "button", onclick: () => void this.show(id, includeDrafts).catch(() => {}) }, "Try again"),
      );
      throw err;
    }
    if (seq !== this.seq) return;
    this.element.removeAttribute("aria-busy");
    clear(this.element);
    this.element.dataset.id = id;
    if (!details) {
      this.element.append(h("p", {}, `No entity with id ${id}.`));
      return;
    }
    const kind = kindOfTypename(details.__typename);
    const style = KIND_STYLE[kind];
    appendAll(
      this.element,
      h("span", { class: "badge", style: `background:${style.color}`, "data-testid": "card-kind" }, style.label),
      around.nodes.find((n) => n.id === id)?.draft
        ? h("span", { class: "badge draft", title: "extracted automatically, awaiting review", "data-testid": "card-draft" }, "draft")
        : null,
      h("h2", { "data-testid": "card-name" }, details.name),
      details.description ? h("p", { class: "description" }, details.description) : null,
      namesSection(details),
      attributesSection(details),
      locationSection(details, this.focus),
      measuresSection(details, this.openArticle),
      relationsSection(id, around.nodes, around.edges, this.openArticle, this.focus),
    );
  }

  /** Shows a relation drawn in the graph: its ends, type and quotes. */
  showEdge(edge: GraphEdge, source?: GraphNode, target?: GraphNode): void {
    this.seq++;
    this.element.removeAttribute("aria-busy");
    clear(this.element);
    delete this.element.dataset.id;
    this.element.append(edgeDetails(edge, source, target, this.openArticle, this.focus));
  }
}

function section(title: string, ...content: Array<Node | null>): HTMLElement | null {
  return content.some(Boolean) ? h("section", {}, h("h3", {}, title), ...content) : null;
}

function namesSection(d: EntityDetails) {
  const rows: Array<[string, string, boolean]> = [];
  const official: Array<[string, string | null | undefined]> = [
    ["zh-Hans", d.nameZhHans],
    ["zh-Hant", d.nameZhHant],
    ["ko", d.nameKo],
    ["ja", d.nameJa],
  ];
  for (const [lang, name] of official) if (name) rows.push([lang, name, false]);
  d.aliases.forEach((alias, i) => {
    if (!rows.some(([, n]) => n === alias)) rows.push([d.aliasLangs[i] ?? "", alias, d.garbledAliases.includes(alias)]);
  });
  if (!rows.length) return null;
  return section(
    "Names and aliases",
    h(
      "table",
      { class: "names", "data-testid": "card-names" },
      ...rows.map(([lang, name, garbled]) =>
        h(
          "tr",
          {},
          h("th", {}, LANG_LABEL[lang] ?? lang),
          h(
            "td",
            { lang },
            name,
            garbled ? h("span", { class: "garbled", title: "machine-garbled form kept as an alias" }, " garbled") : null,
          ),
        ),
      ),
    ),
  );
}

const ATTRIBUTE_LABELS: Record<string, string> = {
  level: "Level",
  type: "Type",
  founded: "Founded",
  stage: "Stage",
  status: "Status",
  startDate: "Start",
  endDate: "End",
  edition: "Edition",
  theme: "Theme",
  title: "Title",
  signedOn: "Signed",
};

function attributesSection(d: EntityDetails) {
  const rows = Object.entries(d.attributes)
    .filter(([k]) => k in ATTRIBUTE_LABELS)
    .map(([k, v]) =>
      h(
        "tr",
        {},
        h("th", {}, ATTRIBUTE_LABELS[k] ?? k),
        h("td", { "data-testid": `card-${k}` }, shownValue(v, d.attributes[`${k}Precision`])),
      ),
    );
  const a = d.attributes;
  if (a.capacity !== undefined) {
    const q = a.capacityQualifier && a.capacityQualifier !== "exact" ? `${a.capacityQualifier} ` : "";
    rows.push(
      h("tr", {}, h("th", {}, "Capacity"), h("td", { "data-testid": "card-capacity" }, `${q}${a.capacity} ${a.capacityUnit ?? ""}`)),
    );
  }
  for (const r of d.roles ?? []) {
    const role = [r.properties.role, r.properties.title ? `(${r.properties.title})` : ""].filter(Boolean).join(" ");
    rows.push(h("tr", {}, h("th", {}, "Role"), h("td", {}, `${role} at ${r.node.name}`)));
  }
  return rows.length ? section("Attributes", h("table", { class: "attributes" }, ...rows)) : null;
}

/** A date as precise as it is known: 2019 (year), 2019-03 (month) or 2019-03-05; other values as they are. */
function shownValue(value: unknown, precision: unknown): string {
  const text = String(value);
  if (precision === "year") return text.slice(0, 4);
  if (precision === "month") return text.slice(0, 7);
  return text;
}

/** district → city → province → country, following the first parent at each step. */
function locationSection(d: EntityDetails, focus: (id: string) => void) {
  const chain: Array<{ id: string; name: string }> = [];
  let next = d.locatedIn?.[0] ?? d.partOf?.[0];
  while (next && chain.length < 6) {
    chain.push(next);
    next = next.partOf?.[0];
  }
  if (!chain.length) return null;
  const parts = chain.flatMap((p, i) => [
    i ? " → " : "",
    h("a", { href: `#/explore?id=${encodeURIComponent(p.id)}`, onclick: onClick(() => focus(p.id)) }, p.name),
  ]);
  return section("Location", h("p", { class: "location", "data-testid": "card-location" }, ...parts));
}

function measuresSection(d: EntityDetails, openArticle: (a: string, q: string) => void) {
  if (!d.measures?.length) return null;
  return section(
    "Figures",
    h(
      "ul",
      { class: "measures" },
      ...d.measures.map((m) =>
        h(
          "li",
          {},
          h("strong", {}, `${m.qualifier !== "exact" ? `${m.qualifier} ` : ""}${m.value.toLocaleString("en")} ${m.unit}`),
          ` ${m.metric.replace(/-/g, " ")} `,
          h("a", { href: "#", class: "source", onclick: onClick(() => openArticle(m.articleId, m.quote)) }, m.articleId),
        ),
      ),
    ),
  );
}

function relationsSection(
  id: string,
  nodes: GraphNode[],
  edges: GraphEdge[],
  openArticle: (a: string, q: string) => void,
  focus: (id: string) => void,
) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const mine = edges.filter((e) => e.source === id || e.target === id);
  const groups = new Map<string, GraphEdge[]>();
  for (const e of mine) {
    const key = e.source === id ? `${e.type} →` : `← ${e.type}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  if (!groups.size) return null;
  return section(
    "Relations",
    ...[...groups.entries()]
      .sort(([a], [b]) => a.replace("← ", "").localeCompare(b.replace("← ", "")))
      .map(([key, list]) =>
        h(
          "div",
          { class: "relation-group", "data-testid": `relations-${key.replace(/[^A-Z_]/g, "")}` },
          h("h4", {}, key),
          ...list.map((e) => {
            const other = byId.get(e.source === id ? e.target : e.source);
            return h(
              "div",
              { class: "relation" },
              h("a", { href: "#", onclick: onClick(() => other && focus(other.id)) }, other?.name ?? "?"),
              evidenceList(e, openArticle),
            );
          }),
        ),
      ),
  );
}
