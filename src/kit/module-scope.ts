// 模块归属 (fail closed): every type and field a module registers belongs to that module's sub-graph
// unless it says otherwise; everything the kernel registers belongs to `core`. Ownership is recorded
// while a module's register() runs, and carried into the thunks Pothos runs later at build time (fields,
// connection types created inside them), so nothing a module adds can leak into the core schema by
// forgetting a `subGraphs` tag.
import SchemaBuilder, {
  BasePlugin,
  InputObjectRef,
  ObjectRef,
  type PothosOutputFieldConfig,
  type PothosTypeConfig,
  type SchemaTypes,
} from '@pothos/core';

const pluginName = 'moduleScope';
const CORE = 'core';

let current: string | undefined;

/** runs `fn` with `owner` as the module that owns whatever it registers */
export function withOwner<T>(owner: string | undefined, fn: () => T): T {
  const previous = current;
  current = owner;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

const owned = <A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => R) => {
  const owner = current;
  return owner === undefined ? fn : (...args: A) => withOwner(owner, () => fn(...args));
};

// Fields declared with a type (objectType({ fields }), prismaObject …) run their thunk at build time:
// the thunk keeps its owner. Object and interface refs share one base class; input objects have their own.
for (const proto of [Object.getPrototypeOf(ObjectRef.prototype), InputObjectRef.prototype]) {
  const addFields = proto.addFields as (this: unknown, fields: () => unknown) => void;
  proto.addFields = function ownedAddFields(this: unknown, fields: () => unknown) {
    return addFields.call(this, owned(fields));
  };
}

interface Owners {
  types: Map<string, string>;
  fields: Map<string, string>;
}
const ownersOf = new WeakMap<object, Owners>();

/** records, on this builder, who registers each type and each field added to another's type */
function trackOwnership(builder: PothosSchemaTypes.SchemaBuilder<SchemaTypes>): Owners {
  const owners: Owners = { types: new Map(), fields: new Map() };
  const store = builder.configStore;
  const addTypeRef = store.addTypeRef.bind(store);
  store.addTypeRef = (ref) => {
    const owner = current;
    if (owner !== undefined) ref.onConfig((config) => void owners.types.set(config.name, owner));
    return addTypeRef(ref);
  };
  const onTypeConfig = store.onTypeConfig.bind(store);
  store.onTypeConfig = (param, cb) => onTypeConfig(param, owned(cb));
  const addFields = store.addFields.bind(store);
  store.addFields = (param, fields) => {
    const owner = current;
    let typeName = '';
    onTypeConfig(param, (config) => void (typeName = config.name));
    addFields(
      param,
      owned(() => {
        const map = fields();
        if (owner !== undefined) for (const name of Object.keys(map)) owners.fields.set(`${typeName}.${name}`, owner);
        return map;
      }),
    );
  };
  const addInputFields = store.addInputFields.bind(store);
  store.addInputFields = (param, fields) => addInputFields(param, owned(fields));
  return owners;
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      moduleScope: PothosModuleScopePlugin<Types>;
    }
  }
}

// Pothos runs these hooks last plugin first: listed after the sub-graph plugin, this one runs before it
// and hands it the owner as if the module had written `subGraphs: [owner]` itself.
export class PothosModuleScopePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  private get owners(): Owners {
    let owners = ownersOf.get(this.builder);
    if (!owners) ownersOf.set(this.builder, (owners = trackOwnership(this.builder as never)));
    return owners;
  }

  override onTypeConfig(typeConfig: PothosTypeConfig) {
    if (typeConfig.pothosOptions.subGraphs) return typeConfig;
    const owner = this.owners.types.get(typeConfig.name) ?? CORE;
    return { ...typeConfig, pothosOptions: { ...typeConfig.pothosOptions, subGraphs: [owner] } } as PothosTypeConfig;
  }

  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>) {
    if (fieldConfig.pothosOptions.subGraphs) return fieldConfig;
    const parent = fieldConfig.parentType;
    const owner = this.owners.fields.get(`${parent}.${fieldConfig.name}`);
    const root = fieldConfig.kind === 'Query' || fieldConfig.kind === 'Mutation' || fieldConfig.kind === 'Subscription';
    if (!root && (owner === undefined || owner === (this.owners.types.get(parent) ?? CORE))) return fieldConfig;
    return {
      ...fieldConfig,
      pothosOptions: { ...fieldConfig.pothosOptions, subGraphs: [owner ?? CORE] },
    } as PothosOutputFieldConfig<Types>;
  }
}

/** installs ownership tracking on a builder (call before anything is registered on it) */
export function trackModuleOwnership(builder: object) {
  if (!ownersOf.has(builder)) ownersOf.set(builder, trackOwnership(builder as never));
}

SchemaBuilder.registerPlugin(pluginName, PothosModuleScopePlugin);
export default pluginName;
