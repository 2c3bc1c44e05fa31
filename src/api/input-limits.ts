/**
 * Bounds on the JSON a client sends in `variables` and `extensions`, checked before graphql-js or
 * the Cypher translation sees it. graphql-armor's cost, depth and token limits read the query text
 * only; a filter passed in variables escapes them, and an `OR` of 20,000 conditions kept Neo4j's
 * query planner busy for minutes (2,000 took 13 s): what reaches the planner is bounded here.
 */

/** Nesting: a legitimate filter is a few levels deep per relationship it follows. */
export const MAX_INPUT_DEPTH = 64;
/** Objects and lists (each a condition or a group of them to plan): a real filter holds tens. */
export const MAX_INPUT_STRUCTURES = 500;
/** Items of one list (an `in` list of ids, an `OR` of conditions). */
export const MAX_LIST_ITEMS = 1000;

/** Why the request's input is refused, or undefined. Walks without recursion (no stack to overflow). */
export function inputProblem(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  for (const key of ["variables", "extensions"]) {
    const stack: Array<[unknown, number]> = [[(body as Record<string, unknown>)[key], 0]];
    let structures = 0;
    while (stack.length > 0) {
      const [value, depth] = stack.pop() as [unknown, number];
      if (typeof value !== "object" || value === null) continue;
      if (depth >= MAX_INPUT_DEPTH) return `${key} nested deeper than ${MAX_INPUT_DEPTH} levels`;
      if (Array.isArray(value) && value.length > MAX_LIST_ITEMS)
        return `a list in ${key} holds ${value.length} items (at most ${MAX_LIST_ITEMS})`;
      if (++structures > MAX_INPUT_STRUCTURES)
        return `${key} hold more than ${MAX_INPUT_STRUCTURES} objects and lists (conditions to plan): split the request`;
      for (const child of Object.values(value)) stack.push([child, depth + 1]);
    }
  }
  return undefined;
}
