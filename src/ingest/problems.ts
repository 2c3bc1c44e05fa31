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
    super(`article data has ${problems.length} problem(s):\n${formatProblems(problems).join("\n")}`);
    this.name = "DataError";
  }
}

export function formatProblem(p: DataProblem): string {
  return `${p.file}${p.path ? ` at ${p.path}` : ""}: ${p.message}`;
}

/** How many problems a report lists before it says how many more there are. */
export const PROBLEMS_SHOWN = 50;

/** The first `limit` problems, one line each, then "… and N more (total T)" when there are more. */
export function formatProblems(problems: readonly DataProblem[], limit = PROBLEMS_SHOWN): string[] {
  const lines = problems.slice(0, limit).map(formatProblem);
  if (problems.length > limit) lines.push(`… and ${problems.length - limit} more (total ${problems.length})`);
  return lines;
}

/** `["relations", 3, "quote"]` -> `relations[3].quote` */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, "");
}

export function fromZodIssues(file: string, issues: readonly z.core.$ZodIssue[], base: readonly PropertyKey[] = []): DataProblem[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      // "Invalid input" says nothing: report the branch the author most likely meant instead, the
      // one that fails in the fewest and deepest places (an entity with a bad kind, not a bad ref).
      return fromZodIssues(file, closestBranch(issue.errors), path);
    }
    return [{ file, path: jsonPath(path), message: describe(issue) }];
  });
}

function closestBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] {
  const depth = (issues: readonly z.core.$ZodIssue[]) => Math.max(0, ...issues.map((i) => i.path.length));
  return [...branches].sort((a, b) => a.length - b.length || depth(b) - depth(a))[0] ?? [];
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_union" && "note" in issue && issue.note === "No matching discriminator") {
    const options = (issue as { options?: unknown[] }).options;
    return `unknown kind: expected one of ${options?.join(", ") ?? "the documented kinds"}`;
  }
  return issue.message;
}
