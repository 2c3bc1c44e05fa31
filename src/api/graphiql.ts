import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { projectRoot } from "../config.js";
import type { Route } from "./http-server.js";
import { sendFile } from "./static-files.js";

const require = createRequire(import.meta.url);

/** A file inside an installed package (some do not export their UMD builds as subpaths). */
function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** GraphiQL and React from npm packages, served locally: the editor works with no internet. */
const ASSETS: Record<string, string> = {
  "react.js": packageFile("react", "umd/react.production.min.js"),
  "react-dom.js": packageFile("react-dom", "umd/react-dom.production.min.js"),
  "graphiql.js": packageFile("graphiql", "graphiql.min.js"),
  "graphiql.css": packageFile("graphiql", "graphiql.min.css"),
};

/** The example queries in graphql/examples/, one editor tab each. */
function exampleTabs(): Array<{ query: string }> {
  const dir = path.join(projectRoot, "graphql", "examples");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => ({ query: readFileSync(path.join(dir, f), "utf8") }));
}

/**
 * Starts GraphiQL. A file of its own, not an inline script: the Content-Security-Policy allows
 * scripts from this server only. The example tabs come from the page's JSON data block.
 */
const START_SCRIPT = `const tabs = JSON.parse(document.getElementById("graphiql-tabs").textContent);
const fetcher = GraphiQL.createFetcher({ url: "/graphql" });
ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, { fetcher, defaultTabs: tabs, defaultEditorToolsVisibility: true }),
);
`;

function page(): string {
  // JSON inside a script element: escape "<" so no example can close the element.
  const tabs = JSON.stringify(exampleTabs()).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>GraphQL editor · regional innovation graph</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql.css">
<style>html,body,#graphiql{height:100%;margin:0}</style></head>
<body><div id="graphiql">Loading…</div>
<script id="graphiql-tabs" type="application/json">${tabs}</script>
<script src="/graphiql/assets/react.js"></script>
<script src="/graphiql/assets/react-dom.js"></script>
<script src="/graphiql/assets/graphiql.js"></script>
<script src="/graphiql/assets/start.js"></script>
</body></html>`;
}

export const graphiqlRoute: Route = async (req, res, url) => {
  if (req.method !== "GET") return false;
  if (url.pathname === "/graphiql" || url.pathname === "/graphiql/") {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(page());
    return true;
  }
  if (url.pathname === "/graphiql/assets/start.js") {
    res.setHeader("content-type", "text/javascript; charset=utf-8");
    res.end(START_SCRIPT);
    return true;
  }
  const asset = url.pathname.startsWith("/graphiql/assets/") ? ASSETS[url.pathname.slice("/graphiql/assets/".length)] : undefined;
  return asset ? sendFile(req, res, asset, 86_400) : false;
};
