/** The current view lives in the URL hash (#/explore?id=hktdc&depth=2), so a link reopens it. */
export type ViewName = "explore" | "path" | "chains" | "regions" | "review";

export interface Route {
  view: ViewName;
  params: URLSearchParams;
}

const VIEWS: ViewName[] = ["explore", "path", "chains", "regions", "review"];

export function currentRoute(): Route {
  const [path = "", query = ""] = location.hash.replace(/^#\/?/, "").split("?");
  const view = (VIEWS as string[]).includes(path) ? (path as ViewName) : "explore";
  return { view, params: new URLSearchParams(query) };
}

/**
 * Whether the analyst views include draft facts (extracted, not reviewed yet): `drafts=1` in the
 * URL, off by default. navigate() carries it from view to view.
 */
export function draftsIncluded(params: URLSearchParams = currentRoute().params): boolean {
  return params.get("drafts") === "1";
}

export function routeUrl(view: ViewName, params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return `#/${view}${s ? `?${s}` : ""}`;
}

/** Opens a view. The drafts toggle stays as it is unless `params` sets `drafts` (to "1", or undefined for off). */
export function navigate(view: ViewName, params: Record<string, string | number | undefined>): void {
  const drafts = "drafts" in params ? params.drafts : draftsIncluded() ? "1" : undefined;
  const url = routeUrl(view, { ...params, drafts });
  // Busy from this moment, not from when the hashchange event arrives: whoever waits for the
  // page to be ready (the browser tests) never sees the previous view's "ready".
  document.body.dataset.ready = "false";
  if (location.hash === url) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = url;
}

/**
 * Writes the view's parameters into the URL without opening it again (no hashchange): for state
 * the page already shows, such as the card open, filters and zoom, so that a link restores them.
 */
export function replaceRoute(view: ViewName, params: Record<string, string | number | undefined>): void {
  const drafts = "drafts" in params ? params.drafts : draftsIncluded() ? "1" : undefined;
  history.replaceState(history.state, "", routeUrl(view, { ...params, drafts }));
}
