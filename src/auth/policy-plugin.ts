// The policy plugin: every Query and Mutation field declares `policy` (src/auth/policy.ts) in its own
// definition. Building a schema with a root field that has none throws (fail closed); the roles and the
// generic scope check run before the resolver; the declaration is published in `extensions.policy`.
// Registered after the errors plugin, so a refused mutation returns a typed FORBIDDEN/UNAUTHENTICATED.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import type { Context } from '../context.js';
import { checkRoles, checkScope, type FieldPolicy } from './policy.js';

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      policy: PolicyPlugin<Types>;
    }
    interface QueryFieldOptions<Types extends SchemaTypes, Type, Nullable, Args, ResolveReturnShape> {
      /** 权限声明: who may run this field and how its target is checked against their area */
      policy?: FieldPolicy;
    }
    interface MutationFieldOptions<Types extends SchemaTypes, Type, Nullable, Args, ResolveReturnShape> {
      /** 权限声明: who may run this field and how its target is checked against their area */
      policy?: FieldPolicy;
    }
    interface SubscriptionFieldOptions<
      Types extends SchemaTypes,
      Type,
      Nullable,
      Args,
      ResolveShape,
      ResolveReturnShape,
    > {
      /** 权限声明: who may subscribe and how its target is checked against their area (when subscribing) */
      policy?: FieldPolicy;
    }
  }
}

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

const policyOf = (config: PothosOutputFieldConfig<SchemaTypes>) =>
  (config.pothosOptions as { policy?: FieldPolicy }).policy;

export class PolicyPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(config: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    if (!ROOTS.has(config.kind)) return config;
    const policy = policyOf(config as never);
    if (!policy) {
      throw new Error(
        `${config.parentType}.${config.name} declares no policy (权限声明): add \`policy: { roles, scope }\``,
      );
    }
    return { ...config, extensions: { ...config.extensions, policy } };
  }

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    config: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    // a subscription is checked once, when subscribing (wrapSubscribe); each event is then filtered by the
    // live service's delivery check, not by this per-field check again
    if (!ROOTS.has(config.kind) || config.kind === 'Subscription') return resolver;
    return guarded(policyOf(config as never)!, resolver);
  }

  override wrapSubscribe(
    subscribe: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
    config: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> | undefined {
    if (config.kind !== 'Subscription' || !subscribe) return subscribe;
    return guarded(policyOf(config as never)!, subscribe);
  }
}

/** `run` behind the policy: roles first, then the scope of its target */
function guarded<T extends GraphQLFieldResolver<unknown, any, object>>(policy: FieldPolicy, run: T): T {
  return (async (parent, args, context, info) => {
    const ctx = context as unknown as Context;
    checkRoles(policy, ctx.viewer);
    await checkScope(policy, ctx, args as Record<string, unknown>);
    return run(parent, args, context, info);
  }) as T;
}

SchemaBuilder.registerPlugin('policy', PolicyPlugin);
export default 'policy' as const;
