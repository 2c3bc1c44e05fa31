import path from "node:path";
import type { Route } from "../api/http-server.js";
import { inside, sendFile } from "../api/static-files.js";
import { WEB_DIR, WEB_DIST } from "./build.js";

/** Serves the explorer: `/` is its page, `/assets/*` the bundle built by buildExplorer(). */
export const explorerRoute: Route = async (req, res, url) => {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (url.pathname === "/" || url.pathname === "/index.html") return sendFile(req, res, path.join(WEB_DIR, "index.html"), 0);
  if (!url.pathname.startsWith("/assets/")) return false;
  const file = inside(WEB_DIST, url.pathname.slice("/assets/".length));
  return file ? sendFile(req, res, file, 0) : false;
};
