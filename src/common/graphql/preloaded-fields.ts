import { FieldNode, getDirectiveValues, GraphQLIncludeDirective, GraphQLResolveInfo, GraphQLSchema, GraphQLSkipDirective, isObjectType, Kind, SelectionNode, SelectionSetNode } from 'graphql';

/**
 * Lean list paths (docs/performance.md, "Lean list paths"). A Nest `@ResolveField` costs Nest's
 * per-call plumbing (execution context, parameter decorators) on every row of a page, even when the
 * value is already in hand. A list resolver knows the viewer and has loaded the page, so it can work
 * out such a field's value for every row once and attach it to the row; the field then answers with
 * that value as a plain property read, and any other parent (a single profile, a nested one) still
 * goes through the Nest resolver. The list resolver must apply the field resolver's own rule (the
 * same function): the attached value is exactly what the resolver would answer that viewer.
 */

/** Where a row carries the values its list resolver worked out, by field name. */
export const PRELOADED = Symbol('preloaded fields');

/** The field extension that lets a `@ResolveField` (without arguments) be answered from `PRELOADED`. */
export const PRELOADABLE = { preloadable: true } as const;

type WithPreloaded = { [PRELOADED]?: Record<string, unknown> };

/** `row`, carrying `values` for its preloadable fields (only the fields the page selected need be there). */
export function withPreloaded<T extends object>(row: T, values: Record<string, unknown>): T {
  (row as T & WithPreloaded)[PRELOADED] = values;
  return row;
}

/**
 * Wraps the resolver of every field marked `PRELOADABLE` (in place): a parent carrying the field's value
 * in `PRELOADED` answers with it, any other parent calls the field's resolver as before. Applied to the
 * schema Nest builds (`transformSchema`), so graphql-js and graphql-jit execute the same resolvers.
 */
export function answerPreloadedFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.extensions?.preloadable !== true) continue;
      const resolve = field.resolve;
      // A value worked out once per row cannot depend on arguments: refuse the mark at start-up.
      if (!resolve || field.args.length > 0) throw new Error(`${type.name}.${field.name} is marked preloadable but has arguments or no resolver`);
      const name = field.name;
      field.resolve = (source: WithPreloaded | null, args, context, info) => {
        const preloaded = source?.[PRELOADED];
        return preloaded !== undefined && Object.hasOwn(preloaded, name) ? preloaded[name] : resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

/**
 * The names of the fields the operation selects at `path` below the resolved field (e.g. `['edges', 'node']`
 * of a connection), through fragments, leaving out what `@skip` / `@include` leave out for this request's
 * variables (as execution will).
 */
export function selectedFieldsAt(info: GraphQLResolveInfo, path: string[]): Set<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const step of path) sets = fieldsOf(info, sets).flatMap((field) => (field.name.value === step && field.selectionSet ? [field.selectionSet] : []));
  return new Set(fieldsOf(info, sets).map((field) => field.name.value));
}

/** The fields of `sets` that execution will resolve, fragments flattened. */
function fieldsOf(info: GraphQLResolveInfo, sets: SelectionSetNode[]): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (!included(info, selection)) continue;
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return fields;
}

/** graphql-js's own rule: skipped when `@skip(if: true)`, or `@include(if: false)`. */
function included(info: GraphQLResolveInfo, node: SelectionNode): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
}
