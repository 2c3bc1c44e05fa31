/**
 * The editor's bearer token (a JWT from `npm run token -- --role editor`), kept for this browser
 * tab only (sessionStorage): never in the URL, never sent except with review calls.
 */
const KEY = "rig.editorToken";

export function editorToken(): string {
  try {
    return sessionStorage.getItem(KEY) ?? "";
  } catch {
    return ""; // storage disabled: the field still works for this page
  }
}

export function saveEditorToken(token: string): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage disabled: nothing to keep
  }
}
