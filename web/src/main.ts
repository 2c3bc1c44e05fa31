import { ArticleView } from "./article-view.js";
import { h } from "./dom.js";
import { reviewView } from "./review-view.js";
import { currentRoute, draftsIncluded, navigate, routeUrl, type ViewName } from "./route.js";
import { savedViewsControl } from "./saved-views.js";
import { chainsView, exploreView, pathView, regionsView, type View } from "./views.js";
import "./styles.css";

const statusLine = h("p", { class: "status", "data-testid": "status", role: "status" });
const status = (text: string, error = false) => {
  statusLine.textContent = text;
  statusLine.classList.toggle("error", error);
};

const articles = new ArticleView(() => {});
const views: Record<ViewName, View> = {
  explore: exploreView(articles, status),
  path: pathView(articles, status),
  chains: chainsView(articles, status),
  regions: regionsView(articles, status),
  review: reviewView(status),
};
const TABS: Array<[ViewName, string]> = [
  ["explore", "Explore"],
  ["path", "Path finder"],
  ["chains", "Innovation chains"],
  ["regions", "Region links"],
  ["review", "Review"],
];
const nav = h("nav", {}, ...TABS.map(([v, label]) => h("a", { href: `#/${v}`, "data-view": v, "data-testid": `tab-${v}` }, label)));

/** Analyst views only: the review tab shows an article's facts whatever their status. */
const draftsBox = h("input", {
  type: "checkbox",
  "data-testid": "include-drafts",
  onchange: (e) => {
    const { view, params } = currentRoute();
    navigate(view, { ...Object.fromEntries(params), drafts: (e.target as HTMLInputElement).checked ? "1" : undefined });
  },
});
const draftsToggle = h(
  "label",
  { class: "drafts-toggle", title: "Also show facts drafted from articles and not reviewed yet (dashed)" },
  draftsBox,
  "include drafts",
);

document.body.append(
  h(
    "header",
    {},
    h("h1", {}, "Regional innovation graph"),
    nav,
    draftsToggle,
    savedViewsControl(),
    h("a", { href: "/graphiql", class: "graphiql" }, "GraphQL"),
  ),
  h("main", {}, ...Object.values(views).map((v) => v.element)),
  statusLine,
  articles.element,
);

/** Tabs keep the drafts toggle; the review tab goes back to the article under review. */
function updateTabs(view: ViewName, params: URLSearchParams): void {
  const drafts = draftsIncluded(params) ? "1" : undefined;
  for (const a of nav.querySelectorAll("a")) {
    const v = a.dataset.view as ViewName;
    a.classList.toggle("active", v === view);
    if (v === "review") {
      if (view === "review") a.href = location.hash || "#/review";
    } else {
      a.href = routeUrl(v, { drafts });
    }
  }
  draftsBox.checked = !!drafts;
  draftsToggle.hidden = view === "review";
}

/** Counts renders: only the latest may write to the page; an older one's late answers are dropped. */
let renderSeq = 0;

async function render(): Promise<void> {
  const seq = ++renderSeq;
  const live = () => seq === renderSeq;
  const { view, params } = currentRoute();
  for (const [name, v] of Object.entries(views)) v.element.hidden = name !== view;
  updateTabs(view, params);
  document.body.dataset.ready = "false";
  document.body.dataset.view = view;
  // The status line belongs to the view shown: nothing is left from another tab or an earlier query.
  status("");
  try {
    await views[view].render(params, live);
  } catch (err) {
    if (live()) status((err as Error).message, true);
  }
  if (live()) document.body.dataset.ready = "true";
}

window.addEventListener("hashchange", () => void render());
void render();
