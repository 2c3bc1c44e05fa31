import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { Annotation, Catalogue } from "../model/annotation.js";
import { type DataProblem, fromZodIssues } from "./problems.js";
import { parseStrictJson, readUtf8File } from "./read-file.js";

/** Where the article data lives; tests point this at corpora of their own. */
export interface SeedPaths {
  root: string;
  articles: string;
  annotations: string;
  catalogue: string;
}

export function seedPaths(root: string): SeedPaths {
  return {
    root,
    articles: path.join(root, "articles"),
    annotations: path.join(root, "annotations"),
    catalogue: path.join(root, "catalogue.json"),
  };
}

export interface AnnotationFile {
  file: string;
  data: Annotation;
  /**
   * For an article ingested through the API, whose annotation lives in the graph (on its :Article
   * node) rather than in seed/annotations: the annotation as stored, which the import writes back.
   */
  storedJson?: string;
}

export interface RawCorpus {
  catalogue: Catalogue;
  annotations: AnnotationFile[];
  /** Article texts by file name, read as strict UTF-8 (a leading BOM stripped). */
  texts: Map<string, string>;
  /**
   * What the files that could not be read (already reported) may have held, so that links into
   * them are not reported again: the unreadable file is the root cause, not each reference to it.
   */
  unreadable?: Unreadable;
}

export interface Unreadable {
  /** Entity ids the unreadable JSON files appear to define. */
  ids: Set<string>;
  /** True when a file could not be read at all (a missing catalogue): any id may have been defined there. */
  anyId: boolean;
  /** Article text files present but not readable (not valid UTF-8). */
  texts: Set<string>;
  /** True when the articles folder could not be read: every article's text is unavailable. */
  anyText: boolean;
}

/** Whether a reference to `id` may point into a file that could not be read. */
export function inUnreadable(corpus: RawCorpus, id: string): boolean {
  return corpus.unreadable !== undefined && (corpus.unreadable.anyId || corpus.unreadable.ids.has(id));
}

/** Reads and schema-checks every file; collects all problems instead of stopping at the first. */
export async function loadCorpus(paths: SeedPaths): Promise<{ corpus: RawCorpus; problems: DataProblem[] }> {
  const problems: DataProblem[] = [];
  const unreadable: Unreadable = { ids: new Set(), anyId: false, texts: new Set(), anyText: false };
  const rel = (p: string) => path.relative(process.cwd(), p) || p;

  const catalogue = (await parseJsonFile(paths.catalogue, Catalogue, rel, problems, unreadable)) ?? { entities: [], relations: [] };
  const annotations: AnnotationFile[] = [];
  const names = (await listFiles(paths.annotations, ".json", rel, problems)).sort();
  for (const name of names) {
    const file = path.join(paths.annotations, name);
    const data = await parseJsonFile(file, Annotation, rel, problems, unreadable);
    if (data) annotations.push({ file: rel(file), data });
  }
  const texts = new Map<string, string>();
  const problemsBefore = problems.length;
  const textNames = await listFiles(paths.articles, ".txt", rel, problems);
  if (problems.length > problemsBefore) unreadable.anyText = true;
  for (const name of textNames) {
    const file = path.join(paths.articles, name);
    const read = await readUtf8File(file);
    if (read.ok) texts.set(name, read.text);
    else {
      problems.push({ file: rel(file), path: "", message: read.message });
      unreadable.texts.add(name);
    }
  }
  const corpus: RawCorpus = { catalogue, annotations, texts };
  if (unreadable.anyId || unreadable.anyText || unreadable.ids.size > 0 || unreadable.texts.size > 0) corpus.unreadable = unreadable;
  return { corpus, problems };
}

async function listFiles(dir: string, ext: string, rel: (p: string) => string, problems: DataProblem[]) {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith(ext));
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
    problems.push({
      file: rel(dir),
      path: "",
      message: missing ? "missing: no such folder" : `cannot read folder: ${(err as Error).message}`,
    });
    return [];
  }
}

async function parseJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  rel: (p: string) => string,
  problems: DataProblem[],
  unreadable: Unreadable,
): Promise<z.infer<S> | undefined> {
  const read = await readUtf8File(file);
  if (!read.ok) {
    problems.push({ file: rel(file), path: "", message: read.message });
    if (read.missing) unreadable.anyId = true;
    else for (const id of idsIn(new TextDecoder().decode(await readFile(file).catch(() => new Uint8Array())))) unreadable.ids.add(id);
    return undefined;
  }
  const json = parseStrictJson(read.text);
  if (!json.ok) {
    problems.push(...json.problems.map((p) => ({ file: rel(file), ...p })));
    for (const id of idsIn(read.text)) unreadable.ids.add(id);
    return undefined;
  }
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) {
    problems.push(...fromZodIssues(rel(file), parsed.error.issues));
    for (const id of idsIn(read.text)) unreadable.ids.add(id);
    return undefined;
  }
  return parsed.data;
}

/**
 * The entity ids a file that failed to parse or validate appears to define: every `"id": "…"`
 * value in its text (a broken file cannot be read structurally, and an id too many only silences
 * a follow-on error while the file's own problem is reported).
 */
function idsIn(text: string): string[] {
  return Array.from(text.matchAll(/"id"\s*:\s*"((?:[^"\\]|\\.)*)"/g), (m) => {
    try {
      return JSON.parse(`"${m[1]}"`) as string;
    } catch {
      return m[1] as string;
    }
  });
}
