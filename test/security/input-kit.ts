// Builds bad-input requests from the schema: for every root field, arguments where every text value (String,
// ID, and strings inside JSON) carries the bad sample, plus the argument paths the guard must report; and a
// way to reach any object type from Query, so every connection field can be sent a malformed cursor.
import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
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

const FILLERS: Record<string, unknown> = {
  Int: 1,
  Float: 1,
  Boolean: true,
  Date: '2024-01-01',
  DateTime: '2024-01-01T00:00:00Z',
  Latitude: 44,
  Longitude: 87,
  NonNegativeInt: 1,
  PositiveInt: 1,
  NonNegativeFloat: 1,
};
/** a well-formed global id, so that only the injected sample can be what the guard refuses */
export const SOME_ID = encodeGlobalID('Region', '00000000-0000-0000-0000-000000000000');

/** a value of `type` with `bad` in every text position (optional fields too); `paths` gets each position */
export function badValue(
  type: GraphQLInputType,
  bad: string,
  path: string,
  paths: string[] | null,
  depth = 0,
): unknown {
  const t = getNullableType(type);
  if (isListType(t)) return [badValue(t.ofType, bad, `${path}[0]`, paths, depth)];
  if (isInputObjectType(t)) {
    if (depth > 4) return undefined;
    return Object.fromEntries(
      Object.values(t.getFields()).map((f) => [f.name, badValue(f.type, bad, `${path}.${f.name}`, paths, depth + 1)]),
    );
  }
  if (isEnumType(t)) return t.getValues()[0]!.name;
  if (!isScalarType(t)) return undefined;
  if (t.name === 'String' || t.name === 'ID') {
    paths?.push(path);
    return paths ? bad : t.name === 'ID' ? SOME_ID : 'x';
  }
  if (t.name === 'JSON') {
    paths?.push(`${path}.note`);
    return { note: paths ? bad : 'x' };
  }
  return FILLERS[t.name] ?? 'x';
}

/** the GraphQL type as written in a variable definition */
export const typeString = (type: GraphQLInputType): string => type.toString();

/** a selection that is valid on any output type: `__typename` for composites, nothing for leaves */
export function leafSelection(named: GraphQLNamedType): string {
  if (isUnionType(named) && named.getTypes().some((t) => t.name === 'ValidationError')) {
    return '{ __typename ... on ValidationError { issues { path message } } ... on Error { code message } }';
  }
  return isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? '{ __typename }' : '';
}

/** one request for a field: every argument as a variable, text positions set to `bad` (or fillers) */
export function fieldRequest(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, bad: string) {
  const paths: string[] = [];
  const variables: Record<string, unknown> = {};
  const defs: string[] = [];
  const uses: string[] = [];
  for (const arg of field.args) {
    if (arg.name === 'after' || arg.name === 'before') continue; // cursors: their own test
    variables[arg.name] = badValue(arg.type, bad, arg.name, paths);
    defs.push(`$${arg.name}: ${typeString(arg.type)}`);
    uses.push(`${arg.name}: $${arg.name}`);
  }
  const selection = leafSelection(getNamedType(field.type));
  const query = `${operation}(${defs.join(', ')}) { ${field.name}(${uses.join(', ')}) ${selection} }`;
  return { query, variables, paths };
}

/** literal arguments that satisfy a field's required arguments (with `first: 1` to keep the cost small) */
export function fillerArgs(field: GraphQLField<unknown, unknown>): string | null {
  const parts: string[] = [];
  for (const arg of field.args) {
    if (arg.name === 'first') parts.push('first: 1');
    else if (isNonNullType(arg.type)) {
      const t = getNullableType(arg.type);
      if (isInputObjectType(t) || isListType(t)) return null; // not worth navigating through
      const value = badValue(arg.type, '', arg.name, null);
      parts.push(`${arg.name}: ${isEnumType(t) ? String(value) : JSON.stringify(value)}`);
    }
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

/** for every object type reachable from Query: a document prefix/suffix that selects inside it */
export function reachableTypes(schema: GraphQLSchema, maxDepth = 6) {
  const found = new Map<string, { open: string; close: string }>();
  const queue: { type: GraphQLNamedType; open: string; close: string; depth: number }[] = [
    { type: schema.getQueryType()!, open: '', close: '', depth: 0 },
  ];
  while (queue.length) {
    const { type, open, close, depth } = queue.shift()!;
    const concrete = isObjectType(type)
      ? [type]
      : isInterfaceType(type) || isUnionType(type)
        ? schema.getPossibleTypes(type)
        : [];
    for (const object of concrete) {
      const fragmentOpen = object === type ? open : `${open} ... on ${object.name} {`;
      const fragmentClose = object === type ? close : `} ${close}`;
      if (found.has(object.name)) continue;
      found.set(object.name, { open: fragmentOpen, close: fragmentClose });
      if (depth >= maxDepth) continue;
      for (const field of Object.values(object.getFields())) {
        const named = getNamedType(field.type);
        if (field.name === 'node' || !(isObjectType(named) || isInterfaceType(named) || isUnionType(named))) continue;
        const args = fillerArgs(field);
        if (args === null) continue;
        const open = `${fragmentOpen} ${field.name}${args} { __typename`;
        queue.push({ type: named, open, close: `} ${fragmentClose}`, depth: depth + 1 });
      }
    }
  }
  return found;
}
