// Walking the schema's relay connections, for the tests generated from it (nested-pages, child-page-arguments).
import { getNamedType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql';

export type Field = GraphQLField<unknown, unknown>;

/** the node type of a relay connection field, when it needs no argument but paging */
export function connectionNode(field: Field): GraphQLObjectType | null {
  if (field.args.some((a) => isNonNullType(a.type))) return null;
  if (!field.args.some((a) => a.name === 'first')) return null;
  const type = getNamedType(field.type);
  if (!isObjectType(type) || !type.name.endsWith('Connection')) return null;
  const node = getNamedType(type.getFields().edges?.type);
  const inner = node && isObjectType(node) ? getNamedType(node.getFields().node?.type) : null;
  return inner && isObjectType(inner) ? inner : null;
}
