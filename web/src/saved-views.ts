import { clear, h } from "./dom.js";

/** Where named views live: this browser's localStorage, never the server. */
const KEY = "rig.savedViews";

export interface SavedView {
  name: string;
  /** The view's URL hash (#/explore?id=…): everything needed to open it again. */
  hash: string;
  savedAt: string;
}

export function loadSavedViews(): SavedView[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(list) ? list.filter((v) => typeof v?.name === "string" && typeof v?.hash === "string") : [];
  } catch {
    return [];
  }
}

function store(list: SavedView[]): void {
  localStorage.setItem(KEY, JSON.stringify(list));
}

/**
 * "Saved views": name the view shown and keep it in this browser; open, share (its link) or delete
 * a saved one. A view is its URL, so a saved view is a name for a link.
 */
export function savedViewsControl(): HTMLElement {
  const name = h("input", {
    type: "text",
    placeholder: "Name this view",
    "aria-label": "Name of the view to save",
    "data-testid": "saved-name",
    class: "saved-name",
    maxlength: 80,
  });
  const items = h("ul", { class: "saved-list", "data-testid": "saved-list" });
  const render = () => {
    clear(items);
    const list = loadSavedViews();
    if (!list.length) items.append(h("li", { class: "hint" }, "No saved view yet."));
    for (const v of list) {
      const link = new URL(v.hash, location.href).href;
      items.append(
        h(
          "li",
          { "data-name": v.name },
          h("a", { href: v.hash, class: "saved-open", title: `Open ${v.name}` }, v.name),
          h("input", {
            type: "text",
            readonly: true,
            value: link,
            class: "saved-link",
            "aria-label": `Link to ${v.name}`,
            onfocus: (e) => (e.target as HTMLInputElement).select(),
          }),
          h(
            "button",
            {
              type: "button",
              class: "saved-delete",
              "aria-label": `Delete ${v.name}`,
              onclick: () => {
                store(loadSavedViews().filter((x) => x.name !== v.name));
                render();
              },
            },
            "✕",
          ),
        ),
      );
    }
  };
  const save = (e: Event) => {
    e.preventDefault();
    const label = name.value.trim();
    if (!label) return name.focus();
    const others = loadSavedViews().filter((v) => v.name !== label);
    store([...others, { name: label, hash: location.hash || "#/explore", savedAt: new Date().toISOString() }]);
    name.value = "";
    render();
  };
  const details = h(
    "details",
    { class: "saved-views", "data-testid": "saved-views" },
    h("summary", {}, "Saved views"),
    h(
      "div",
      { class: "saved-panel" },
      h(
        "form",
        { class: "saved-form", onsubmit: save },
        name,
        h("button", { type: "submit", "data-testid": "saved-save" }, "Save this view"),
      ),
      items,
    ),
  );
  details.addEventListener("toggle", () => details.open && render());
  return details;
}
