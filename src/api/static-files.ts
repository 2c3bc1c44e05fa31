import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { brotliCompress, gzip as gzipCallback } from "node:zlib";

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
};

/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".map"]);

/**
 * Streams a file from disk with its content type and a validator (ETag from size and modification
 * time: a repeat visit gets 304 Not Modified), compressed with Brotli or gzip when the client
 * accepts it; false when the file does not exist.
 */
export async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cacheSeconds = 300): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  res.setHeader("etag", etag);
  res.setHeader("cache-control", cacheSeconds > 0 ? `public, max-age=${cacheSeconds}` : "no-cache");
  res.setHeader("vary", "accept-encoding");
  if (req.headers["if-none-match"] === etag) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  res.statusCode = 200;
  res.setHeader("content-type", CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream");
  const encoding = COMPRESSIBLE.has(path.extname(file)) && info.size > 1024 ? acceptedEncoding(req) : undefined;
  if (!encoding) {
    res.setHeader("content-length", info.size);
    if (req.method === "HEAD") res.end();
    else await pipeline(createReadStream(file), res);
    return true;
  }
  const body = await compressedOnce(file, etag, encoding);
  res.setHeader("content-encoding", encoding);
  res.setHeader("content-length", body.length);
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

/**
 * Each version of a file (by ETag) is compressed once per encoding and kept: the explorer's bundle
 * is half a megabyte, and Brotli at its best quality takes far longer than sending it.
 */
const compressed = new Map<string, Promise<Buffer>>();

function compressedOnce(file: string, etag: string, encoding: "br" | "gzip"): Promise<Buffer> {
  const key = `${file}\0${etag}\0${encoding}`;
  let body = compressed.get(key);
  if (!body) {
    for (const k of compressed.keys()) if (k.startsWith(`${file}\0`)) compressed.delete(k); // an older version
    body = readFile(file).then((raw) => (encoding === "br" ? brotli(raw) : gzip(raw)));
    body.catch(() => compressed.delete(key));
    compressed.set(key, body);
  }
  return body;
}

/** Brotli when the client takes it, else gzip, else nothing. */
function acceptedEncoding(req: IncomingMessage): "br" | "gzip" | undefined {
  const accepted = String(req.headers["accept-encoding"] ?? "");
  if (/\bbr\b/.test(accepted)) return "br";
  if (/\bgzip\b/.test(accepted)) return "gzip";
  return undefined;
}

/** Resolves `relative` inside `root`, or undefined when it would escape it (`../`). */
export function inside(root: string, relative: string): string | undefined {
  const file = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  return file.startsWith(root + path.sep) ? file : undefined;
}
