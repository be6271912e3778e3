// A result-size budget checked before execution, with variables known: each field costs one, and
// a field's `first` (or `limit`) multiplies the cost of everything under it, whether given as a
// literal, a variable or the schema default. graphql-armor's cost rule runs at validation time
// and cannot see variables, so `first: $n` would slip past it; this closes that gap.
// Types are inspected by shape, not with graphql's instanceof helpers: graphql may be loaded twice
// (ESM and CJS), and those helpers then throw.
import { Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode, type ValueNode } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export const MAX_LIST_COST = 200_000;
const MULTIPLIER_ARGS = ['first', 'limit'];

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

interface ArgDef {
  name: string;
  defaultValue?: unknown;
}
interface FieldDef {
  type: unknown;
  args: readonly ArgDef[];
}
interface FieldsType {
  getFields(): Record<string, FieldDef>;
}

/** The named type under List/NonNull wrappers. */
function named(type: unknown): unknown {
  let t = type as { ofType?: unknown };
  while (t && t.ofType) t = t.ofType as { ofType?: unknown };
  return t;
}

const hasFields = (t: unknown): t is FieldsType => typeof (t as FieldsType | null)?.getFields === 'function';

function argValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.INT) return Number.parseInt(node.value, 10);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}

function multiplier(field: FieldDef, node: { arguments?: readonly { name: { value: string }; value: ValueNode }[] }, walk: Walk): number {
  for (const name of MULTIPLIER_ARGS) {
    const def = field.args.find((a) => a.name === name);
    if (!def) continue;
    const given = node.arguments?.find((a) => a.name.value === name);
    const value = given ? argValue(given.value, walk.variables) ?? def.defaultValue : def.defaultValue;
    if (typeof value === 'number' && value > 1) return value;
  }
  return 1;
}

function costOf(set: SelectionSetNode, parent: unknown, walk: Walk, seen: Set<string>): number {
  if (!hasFields(parent)) return 0;
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      const field = parent.getFields()[sel.name.value];
      if (!field) continue; // __typename and introspection fields
      const below = sel.selectionSet ? costOf(sel.selectionSet, named(field.type), walk, seen) : 0;
      total += multiplier(field, sel, walk) * (1 + below);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const on = sel.typeCondition ? walk.schema.getType(sel.typeCondition.name.value) ?? parent : parent;
      total += costOf(sel.selectionSet, on, walk, seen);
    } else {
      const fragment = walk.fragments.get(sel.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      const on = walk.schema.getType(fragment.typeCondition.name.value) ?? parent;
      total += costOf(fragment.selectionSet, on, walk, new Set([...seen, fragment.name.value]));
    }
    if (total > MAX_LIST_COST) return total; // no need to count further
  }
  return total;
}

/** Estimated result size of the operation that will run (an upper bound, from page sizes). */
export function listCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const ops = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const op = ops.find((d) => !operationName || d.name?.value === operationName);
  if (!op) return 0;
  const root = op.operation === 'mutation' ? schema.getMutationType() : op.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  return root ? costOf(op.selectionSet, root, { schema, fragments, variables }, new Set()) : 0;
}

export function useListCostLimit(max: number = MAX_LIST_COST): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = listCost(args.schema, args.document, (args.variableValues ?? {}) as Record<string, unknown>, args.operationName);
      if (cost > max) {
        setResultAndStopExecution({
          errors: [createGraphQLError(`query: estimated result size ${cost} exceeds ${max}; ask for smaller pages (first/limit)`, { extensions: { code: 'LIMIT_EXCEEDED' } })],
        });
      }
    },
  };
}
