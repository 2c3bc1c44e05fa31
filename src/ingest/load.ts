import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { Annotation, Catalogue } from "../model/annotation.js";
import { type DataProblem, fromZodIssues } from "./problems.js";

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
  /** Article texts by file name, read as UTF-8. */
  texts: Map<string, string>;
}

/** Reads and schema-checks every file; collects all problems instead of stopping at the first. */
export async function loadCorpus(paths: SeedPaths): Promise<{ corpus: RawCorpus; problems: DataProblem[] }> {
  const problems: DataProblem[] = [];
  const rel = (p: string) => path.relative(process.cwd(), p) || p;

  const catalogue = (await parseJsonFile(paths.catalogue, Catalogue, rel, problems)) ?? { entities: [], relations: [] };
  const annotations: AnnotationFile[] = [];
  const names = (await listFiles(paths.annotations, ".json", rel, problems)).sort();
  for (const name of names) {
    const file = path.join(paths.annotations, name);
    const data = await parseJsonFile(file, Annotation, rel, problems);
    if (data) annotations.push({ file: rel(file), data });
  }
  const texts = new Map<string, string>();
  for (const name of await listFiles(paths.articles, ".txt", rel, problems)) {
    texts.set(name, await readFile(path.join(paths.articles, name), "utf8"));
  }
  return { corpus: { catalogue, annotations, texts }, problems };
}

async function listFiles(dir: string, ext: string, rel: (p: string) => string, problems: DataProblem[]) {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith(ext));
  } catch (err) {
    problems.push({ file: rel(dir), path: "", message: `cannot read folder: ${(err as Error).message}` });
    return [];
  }
}

async function parseJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  rel: (p: string) => string,
  problems: DataProblem[],
): Promise<z.infer<S> | undefined> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    problems.push({ file: rel(file), path: "", message: `not valid JSON: ${(err as Error).message}` });
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...fromZodIssues(rel(file), parsed.error.issues));
    return undefined;
  }
  return parsed.data;
}
