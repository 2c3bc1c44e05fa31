import type { z } from "zod";

/** One thing wrong with the article data: which file, where inside it, and why. */
export interface DataProblem {
  file: string;
  /** JSON path inside the file, e.g. `relations[3].quote`; empty for the whole file. */
  path: string;
  message: string;
}

/** Thrown when the article data cannot be imported; carries every problem found, not just the first. */
export class DataError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(`article data has ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`);
    this.name = "DataError";
  }
}

export function formatProblem(p: DataProblem): string {
  return `${p.file}${p.path ? ` at ${p.path}` : ""}: ${p.message}`;
}

/** `["relations", 3, "quote"]` -> `relations[3].quote` */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, "");
}

export function fromZodIssues(file: string, issues: readonly z.core.$ZodIssue[]): DataProblem[] {
  return issues.map((issue) => ({ file, path: jsonPath(issue.path), message: issue.message }));
}
