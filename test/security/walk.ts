// Builds read queries from a schema: every root query field (and `node` for every Node type), with its
// object fields nested to a bounded depth, connections with a small `first`, required arguments generated.
// Used by the personal-information walk (pii-walk.test.ts) so a field added later is covered by itself.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** supplies real values for required ID arguments: `null` skips the field */
export type IdSource = (argName: string, expectedType: string | null) => string[] | null;

export interface WalkOptions {
  /** GraphQL depth below the root field */
  maxDepth: number;
  ids: IdSource;
  /** page size for connections and lists with `first` */
  first?: number;
}

const connectionLike = (t: GraphQLNamedType) => t.name.endsWith('Connection') || t.name.endsWith('Edge');

/** the type an ID argument refers to, guessed from its name: personId → Person, id → the field's type */
function idTarget(argName: string, fieldType: GraphQLNamedType): string | null {
  if (argName === 'id') return connectionLike(fieldType) ? null : fieldType.name;
  const m = /^(.*)Id$/.exec(argName);
  return m ? m[1]![0]!.toUpperCase() + m[1]!.slice(1) : null;
}

/** a literal for a required input of this type, or undefined when none can be made */
function literal(type: GraphQLInputType, argName: string, ids: IdSource, target: string | null): string[] | undefined {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const item = literal(inner.ofType as GraphQLInputType, argName, ids, target);
    return item && [`[${item[0]}]`];
  }
  if (isEnumType(inner)) return [inner.getValues()[0]!.name];
  if (isInputObjectType(inner)) {
    const parts: string[] = [];
    for (const f of Object.values(inner.getFields())) {
      if (!isNonNullType(f.type) || f.defaultValue !== undefined) continue;
      const v = literal(f.type, f.name, ids, idTarget(f.name, inner));
      if (!v) return undefined;
      parts.push(`${f.name}: ${v[0]}`);
    }
    return [`{ ${parts.join(', ')} }`];
  }
  if (!isScalarType(inner)) return undefined;
  switch (inner.name) {
    case 'ID': {
      const values = ids(argName, target);
      return values?.length ? values.map((v) => JSON.stringify(v)) : undefined;
    }
    case 'String':
      return [JSON.stringify(argName === 'code' ? '652324104' : argName === 'moduleId' ? 'grid' : 'x')];
    case 'Int':
    case 'NonNegativeInt':
    case 'PositiveInt':
      return ['3'];
    case 'Float':
    case 'NonNegativeFloat':
      return ['1'];
    case 'Boolean':
      return ['true'];
    case 'Date':
      return ['"2026-01-01"'];
    case 'DateTime':
      return ['"2026-01-01T00:00:00Z"'];
    default:
      return undefined;
  }
}

/** argument lists for calling a field: one per sample of its required ids (at most 3), [] when impossible */
function argumentSets(field: GraphQLField<unknown, unknown>, ids: IdSource, first: number): string[] | null {
  const named = getNamedType(field.type);
  const columns: { name: string; values: string[] }[] = [];
  for (const arg of field.args) {
    if (arg.name === 'first' && !isNonNullType(arg.type)) {
      columns.push({ name: 'first', values: [String(first)] });
      continue;
    }
    if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
    const values = literal(arg.type, arg.name, ids, idTarget(arg.name, named));
    if (!values) return null;
    columns.push({ name: arg.name, values });
  }
  const n = Math.min(3, Math.max(1, ...columns.map((c) => c.values.length)));
  return Array.from({ length: n }, (_, i) =>
    columns.length ? `(${columns.map((c) => `${c.name}: ${c.values[i % c.values.length]}`).join(', ')})` : '',
  );
}

/** the selection set of a type: leaves always, object fields while depth allows and the type is not on the path */
export function selection(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  options: WalkOptions,
  depth: number,
  path: string[],
): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type) || isInterfaceType(type)) {
    const possible = schema.getPossibleTypes(type);
    const parts = possible.map((p) => `... on ${p.name} ${selection(schema, p, options, depth, path)}`);
    return `{ __typename ${parts.join(' ')} }`;
  }
  if (!isObjectType(type)) return '';
  const onPath = !connectionLike(type) && path.includes(type.name);
  const nextPath = connectionLike(type) ? path : [...path, type.name];
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    const args = argumentSets(field, options.ids, options.first ?? 3);
    if (!args) continue;
    if (isLeafType(named)) {
      args.forEach((a, i) => parts.push(`${args.length > 1 ? `${field.name}_${i}: ` : ''}${field.name}${a}`));
      continue;
    }
    if ((onPath && !connectionLike(named)) || depth >= options.maxDepth) continue;
    const sub = selection(schema, named, options, depth + 1, nextPath);
    if (sub && sub !== '{ __typename }') {
      args.forEach((a, i) => parts.push(`${args.length > 1 ? `${field.name}_${i}: ` : ''}${field.name}${a} ${sub}`));
    }
  }
  return `{ ${parts.join(' ')} }`;
}

export interface WalkQuery {
  /** root field, or node:<Type> */
  label: string;
  build(maxDepth: number): string;
}

/** one query per root query field, and one `node` query per Node type with sample ids */
export function walkQueries(
  schema: GraphQLSchema,
  ids: IdSource,
  nodeIds: (typename: string) => string[],
): WalkQuery[] {
  const query = schema.getQueryType()!;
  const out: WalkQuery[] = [];
  for (const field of Object.values(query.getFields())) {
    if (field.name === 'node' || field.name.startsWith('__')) continue;
    const named = getNamedType(field.type);
    const args = argumentSets(field, ids, 3);
    if (!args) continue;
    out.push({
      label: field.name,
      build: (maxDepth) => {
        const sub = selection(schema, named, { ids, maxDepth }, 1, []);
        return `{ ${args.map((a, i) => `r${i}: ${field.name}${a} ${sub}`).join(' ')} }`;
      },
    });
  }
  const nodeInterface = schema.getType('Node');
  if (nodeInterface && isInterfaceType(nodeInterface)) {
    for (const type of schema.getPossibleTypes(nodeInterface)) {
      const samples = nodeIds(type.name);
      if (!samples.length) continue;
      out.push({
        label: `node:${type.name}`,
        build: (maxDepth) => {
          const sub = selection(schema, type, { ids, maxDepth }, 1, []);
          const nodes = samples.map(
            (id, i) => `n${i}: node(id: ${JSON.stringify(id)}) { __typename ... on ${type.name} ${sub} }`,
          );
          return `{ ${nodes.join(' ')} }`;
        },
      });
    }
  }
  return out;
}
