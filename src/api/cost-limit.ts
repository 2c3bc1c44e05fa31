import type { ApolloServerPlugin } from "@apollo/server";
import {
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  type ValueNode,
} from "graphql";

/**
 * The cost of one operation, with graphql-armor's cost model (a scalar field 1, a field with a
 * selection 2 plus 1.5 × its children, a fragment spread 1 plus 1.5 × the fragment, introspection's
 * `__schema` 0), whose subtree is multiplied by the page size it asks for: `first` or `last`.
 *
 * Armor computes it as a validation rule, which sees the query text only: `first: 3` multiplied
 * the cost and `first: $first` did not, so the same query was refused written one way and run
 * written the other. Here the page size is read wherever the client put it: a literal, a
 * variable's value, or the variable's default in the operation. Without one, or with null, a
 * field counts once (the library's default page, @limit's 50, is not counted, as before).
 */
export const COST = { object: 2, scalar: 1, depthFactor: 1.5 } as const;
const PAGE_SIZE_ARGUMENTS = new Set(["first", "last"]);

export function operationCost(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  /** The request's variables; undefined while they are not known (validation): each then counts once, a lower bound. */
  variables: Record<string, unknown> | undefined,
): number {
  const defaults = new Map<string, ValueNode>();
  for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) defaults.set(v.variable.name.value, v.defaultValue);
  /** Each fragment's cost once computed; -1 while it is being computed (a cycle, which validation refuses anyway). */
  const fragmentCosts = new Map<string, number>();

  const pageSize = (node: ValueNode): number => {
    let value: unknown;
    if (node.kind === Kind.VARIABLE) {
      const name = node.name.value;
      if (variables === undefined) value = 1;
      else if (name in variables) value = variables[name];
      else {
        const fallback = defaults.get(name);
        value = fallback?.kind === Kind.INT ? Number(fallback.value) : undefined;
      }
    } else if (node.kind === Kind.INT) value = Number(node.value);
    return typeof value === "number" && Number.isFinite(value) ? Math.max(Math.trunc(value), 1) : 1;
  };

  const selectionsCost = (set: SelectionSetNode): number => {
    let cost = 0;
    for (const child of set.selections) {
      if (child.kind === Kind.FIELD) cost += COST.depthFactor * fieldCost(child);
      else if (child.kind === Kind.INLINE_FRAGMENT) cost += COST.depthFactor * (COST.object + selectionsCost(child.selectionSet));
      else cost += COST.depthFactor * spreadCost(child.name.value);
    }
    return cost;
  };

  const spreadCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return COST.scalar + COST.depthFactor * Math.max(known, 0);
    fragmentCosts.set(name, -1);
    const fragment = fragments[name];
    const inner = fragment ? COST.object + selectionsCost(fragment.selectionSet) : 0;
    fragmentCosts.set(name, inner);
    return COST.scalar + COST.depthFactor * inner;
  };

  const fieldCost = (field: FieldNode): number => {
    if (field.name.value === "__schema") return 0;
    if (!field.selectionSet) return COST.scalar;
    const size = field.arguments?.find((a) => PAGE_SIZE_ARGUMENTS.has(a.name.value));
    const multiplier = size ? pageSize(size.value) : 1;
    return (COST.object + selectionsCost(field.selectionSet)) * multiplier;
  };

  let total = 0;
  for (const child of operation.selectionSet.selections) {
    // Top-level selections count without the depth factor, as in armor.
    if (child.kind === Kind.FIELD) total += fieldCost(child);
    else if (child.kind === Kind.INLINE_FRAGMENT) total += COST.object + selectionsCost(child.selectionSet);
    else total += spreadCost(child.name.value);
  }
  return total;
}

const refusal = (maxCost: number, cost: number) =>
  new GraphQLError(`Query Cost limit of ${maxCost} exceeded, found ${Math.round(cost)}.`, {
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } },
  });

/**
 * The same limit as a validation rule, on the lower bound it can know without variables (each
 * variable page size counts once): so a query refused for its literal page sizes is refused with
 * its other validation errors, as armor's rule did. Apollo caches validation per query text, so the
 * exact check, with the request's variables, is the plugin's.
 */
export function costLimitRule(maxCost: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
      const cost = operationCost(operation, fragments, undefined);
      if (cost > maxCost) context.reportError(refusal(maxCost, cost));
    },
  });
}

/**
 * Refuses an operation costlier than `maxCost` before anything runs: HTTP 400
 * GRAPHQL_VALIDATION_FAILED, "Query Cost limit of 5000 exceeded, found 5012." Runs once the
 * operation is known, so it sees the request's variables (a validation rule would not).
 */
export function costLimit<T extends object>(maxCost: number): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const cost = operationCost(operation, fragments, request.variables ?? {});
          if (cost > maxCost) throw refusal(maxCost, cost);
        },
      };
    },
  };
}
