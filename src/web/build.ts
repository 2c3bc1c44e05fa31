import path from "node:path";
import { build } from "esbuild";
import { projectRoot } from "../config.js";

export const WEB_DIR = path.join(projectRoot, "web");
export const WEB_DIST = path.join(WEB_DIR, "dist");

/**
 * Bundles the explorer (web/src, TypeScript) with its libraries from node_modules into
 * web/dist/app.js and app.css: no CDN and no request outside the server at run time.
 * Takes well under a second, so the server does it on every start.
 */
export async function buildExplorer(): Promise<void> {
  await build({
    entryPoints: { app: path.join(WEB_DIR, "src", "main.ts") },
    outdir: WEB_DIST,
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    sourcemap: true,
    logLevel: "silent",
  });
}
