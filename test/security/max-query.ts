// Builds, from a schema, the most expensive query the limits accept: every root query field whose
// arguments can be generated, each selection as wide as possible (every leaf, the costliest object
// fields) and as deep as the depth limit allows, aliases up to the limit, and every page size the largest
// that keeps the total within the cost limit (found by bisection over one shared `$n`).
import { createComplexityRule } from '@pothos/plugin-complexity';
import {
  getNamedType,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  specifiedRules,
  validate,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import type { Limits } from '../../src/limits/config.js';

/** values for required arguments, by argument name: what the test can supply for real */
export type ArgValues = Record<string, string>;

const OBJECT_CHILDREN = 3;

function argsOf(field: GraphQLField<unknown, unknown>, known: ArgValues): string | null {
  const parts: string[] = [];
  for (const arg of field.args) {
    if (arg.name === 'first' || arg.name === 'days') parts.push(`${arg.name}: $n`);
    else if (known[arg.name] !== undefined) parts.push(`${arg.name}: ${known[arg.name]}`);
    else if (isNonNullType(arg.type) && arg.defaultValue === undefined) return null;
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

// Connections first (their cost grows with the page size the bisection raises), then single objects
// (they carry the depth), then plain lists (their bound multiplies too fast to nest deep).
const weight = (field: GraphQLField<unknown, unknown>) => {
  if (getNamedType(field.type).name.endsWith('Connection')) return 3;
  return field.extensions?.maxItems ? 1 : 2;
};

/** selections by type and depth: the same subtree recurs under many parents (computed once) */
const selections = new WeakMap<ArgValues, Map<string, string>>();

function selectionOf(type: GraphQLNamedType, depthLeft: number, known: ArgValues): string {
  let memo = selections.get(known);
  if (!memo) selections.set(known, (memo = new Map()));
  const key = `${type.name}:${depthLeft}`;
  let found = memo.get(key);
  if (found === undefined) memo.set(key, (found = selectionFor(type, depthLeft, known)));
  return found;
}

function selectionFor(type: GraphQLNamedType, depthLeft: number, known: ArgValues): string {
  if (isLeafType(type)) return '';
  if (!isObjectType(type) && !isInterfaceType(type)) return '{ __typename }';
  const fields = Object.values(type.getFields());
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)) && argsOf(f, known) !== null);
  const parts = leaves.map((f) => `${f.name}${argsOf(f, known)}`);
  if (depthLeft > 1) {
    const objects = fields
      .filter((f) => !isLeafType(getNamedType(f.type)) && argsOf(f, known) !== null)
      .sort((a, b) => weight(b) - weight(a))
      .slice(0, OBJECT_CHILDREN);
    for (const f of objects) {
      const inner = selectionOf(getNamedType(f.type), depthLeft - 1, known);
      if (inner) parts.push(`${f.name}${argsOf(f, known)} ${inner}`);
    }
  }
  if (!parts.length) parts.push('__typename');
  return `{ ${parts.join(' ')} }`;
}

/** cost and depth; `full` adds the spec's validation rules (the searches below only need the cost) */
export function costOf(schema: GraphQLSchema, query: string, variables: Record<string, unknown>, full = true) {
  let cost = 0;
  let depth = 0;
  const errors = validate(schema, parse(query), [
    ...(full ? specifiedRules : []),
    createComplexityRule({
      context: {},
      variableValues: variables,
      validate: (r) => {
        cost = r.complexity;
        depth = r.depth;
      },
    }),
  ]);
  return { cost, depth, errors };
}

/** the query and its `$n`, or null where no root field can be generated */
export function mostExpensiveQuery(schema: GraphQLSchema, limits: Limits, known: ArgValues) {
  const roots = Object.values(schema.getQueryType()!.getFields())
    .filter((f) => f.name !== 'node' && argsOf(f, known) !== null && !isEnumType(getNamedType(f.type)))
    .sort((a, b) => weight(b) - weight(a));
  if (!roots.length) return null;
  for (let depthLeft = limits.maxDepth - 1; depthLeft > 1; depthLeft--) {
    // the roots that fit alone at this depth with pages of one
    const fitting = roots.filter((root) => {
      const single = costOf(schema, buildQuery([root], known, depthLeft, 1), { n: 1 });
      return !single.errors.length && single.depth <= limits.maxDepth && single.cost <= limits.maxCost;
    });
    if (!fitting.length) continue;
    // as many root selections (aliases) as fit with pages of one (cost grows with them: bisect), then the
    // largest page that fits
    let low = 1;
    let high = limits.maxAliases + 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (costOf(schema, buildQuery(fitting, known, depthLeft, mid), { n: 1 }, false).cost <= limits.maxCost) low = mid;
      else high = mid - 1;
    }
    return withLargestPage(schema, limits, buildQuery(fitting, known, depthLeft, low));
  }
  return null;
}

function buildQuery(roots: GraphQLField<unknown, unknown>[], known: ArgValues, depthLeft: number, count: number) {
  const selected: string[] = [];
  for (let i = 0; selected.length < count; i++) {
    const root = roots[i % roots.length]!;
    const alias = selected.length === 0 ? '' : `a${selected.length}: `;
    selected.push(
      `${alias}${root.name}${argsOf(root, known)} ${selectionOf(getNamedType(root.type), depthLeft, known)}`,
    );
  }
  const body = selected.join('\n');
  return body.includes('$n') ? `query Max($n: Int!) { ${body} }` : `query Max { ${body} }`;
}

function withLargestPage(schema: GraphQLSchema, limits: Limits, query: string) {
  // the largest page size that keeps the query within the cost limit
  let low = 0;
  let high = 100;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const { cost, errors } = costOf(schema, query, { n: mid }, false);
    if (!errors.length && cost <= limits.maxCost) low = mid;
    else high = mid - 1;
  }
  return { query, variables: { n: Math.max(low, 1) }, ...costOf(schema, query, { n: Math.max(low, 1) }) };
}
