// 列表上限: every list of objects in the schema is a connection (bounded by its page size) or declares
// `maxItems`, its bound by construction. The bound feeds the cost model (see ./cost.ts) and is enforced
// here as well: a resolver that returns more is cut to the bound, so a relation loaded without a `take`
// cannot make a response grow with the data. A list without a bound fails the schema build (fail closed).
import SchemaBuilder, { BasePlugin, isThenable, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';

const pluginName = 'boundedLists';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      boundedLists: PothosBoundedListsPlugin<Types>;
    }
    export interface FieldOptions {
      /** 列表上限: the most items this list field can return (required on lists that are not connections) */
      maxItems?: number;
    }
  }
}

/** a connection's `edges` are bounded by the connection's `first`/`last` */
const isConnectionEdges = (config: PothosOutputFieldConfig<SchemaTypes>) =>
  config.name === 'edges' && config.parentType.endsWith('Connection');

function listsObjects(config: PothosOutputFieldConfig<SchemaTypes>): boolean {
  let type = config.type;
  if (type.kind !== 'List') return false;
  while (type.kind === 'List') type = type.type;
  return type.kind === 'Object' || type.kind === 'Interface' || type.kind === 'Union';
}

export class PothosBoundedListsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  private readonly unbounded: string[] = [];

  override onOutputFieldConfig(config: PothosOutputFieldConfig<Types>) {
    const maxItems = config.pothosOptions.maxItems;
    if (!listsObjects(config as never) || isConnectionEdges(config as never)) return config;
    if (!Number.isInteger(maxItems) || maxItems! < 1) {
      this.unbounded.push(`${config.parentType}.${config.name}`);
      return config;
    }
    return { ...config, extensions: { ...config.extensions, maxItems } };
  }

  override afterBuild(schema: GraphQLSchema) {
    if (this.unbounded.length) {
      throw new Error(
        `lists of objects without a bound (make each a connection or declare maxItems): ${this.unbounded.join(', ')}`,
      );
    }
    return schema;
  }

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    config: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const maxItems = config.extensions?.maxItems as number | undefined;
    if (!maxItems) return resolver;
    const cut = (value: unknown) =>
      Array.isArray(value) && value.length > maxItems ? value.slice(0, maxItems) : value;
    return (parent, args, ctx, info) => {
      const result = resolver(parent, args, ctx, info);
      return isThenable(result) ? Promise.resolve(result).then(cut) : cut(result);
    };
  }
}

SchemaBuilder.registerPlugin(pluginName, PothosBoundedListsPlugin);
export default pluginName;
