// The one place a Pothos SchemaBuilder is made: plugins, scalars, context type, sub-graphs.
// It only builds; types live in src/core/* and modules/*.
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import SubGraphPlugin from '@pothos/plugin-sub-graph';
import PolicyPlugin from './auth/policy-plugin.js';
import ComplexityPlugin from '@pothos/plugin-complexity';
import BoundedListsPlugin from './limits/bounded-lists.js';
import ResponseBudgetPlugin from './limits/budget.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './limits/config.js';
import { fieldCost } from './limits/cost.js';
import InputGuardPlugin from './input/guard-plugin.js';
import LoadedSelectionPlugin from './core/loaded-selection.js';
import ModuleScopePlugin, { trackModuleOwnership } from './kit/module-scope.js';
import {
  DateResolver,
  DateTimeResolver,
  JSONResolver,
  LatitudeResolver,
  LongitudeResolver,
  NonNegativeFloatResolver,
  NonNegativeIntResolver,
  PositiveIntResolver,
} from 'graphql-scalars';
import type { Role } from '../generated/prisma/client.js';
import type PrismaTypes from '../generated/pothos-types.js';
import { getDatamodel } from '../generated/pothos-types.js';
import type { Context } from './context.js';
import { AppError, ModuleDisabledError, ValidationError } from './errors.js';

/** the period a statistics field covers, handed from `Region.stats(from, to)` to every figure */
export interface RegionStatsShape {
  region: { id: string; path: string; level: string; name: string };
  from: Date | null;
  to: Date | null;
}

export interface SchemaTypes {
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: { loggedIn: boolean; role: Role[] };
  SubGraphs: string;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Date: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    Latitude: { Input: number; Output: number };
    Longitude: { Input: number; Output: number };
    NonNegativeInt: { Input: number; Output: number };
    PositiveInt: { Input: number; Output: number };
    NonNegativeFloat: { Input: number; Output: number };
  };
  Objects: { RegionStats: RegionStatsShape };
}

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

export function createBuilder(subGraphs: string[]) {
  const builder = new SchemaBuilder<SchemaTypes>({
    // errors outside policy and scope-auth: a refused mutation returns a typed FORBIDDEN/UNAUTHENTICATED result
    plugins: [
      ErrorsPlugin,
      InputGuardPlugin,
      PolicyPlugin,
      ScopeAuthPlugin,
      PrismaPlugin,
      LoadedSelectionPlugin,
      RelayPlugin,
      DataloaderPlugin,
      SubGraphPlugin,
      ModuleScopePlugin,
      ComplexityPlugin,
      BoundedListsPlugin,
      ResponseBudgetPlugin,
    ],
    // 查询代价: weights only; the limit is checked before execution with the request's variables (src/limits/cost.ts)
    complexity: { fieldComplexity: fieldCost },
    defaultFieldNullability: false,
    prisma: {
      client: (ctx) => ctx.prisma,
      dmmf: getDatamodel(),
      filterConnectionTotalCount: true,
      maxConnectionSize: MAX_PAGE_SIZE,
      defaultConnectionSize: DEFAULT_PAGE_SIZE,
      onUnusedQuery: null,
    },
    relay: {
      clientMutationId: 'omit',
      cursorType: 'String',
      nodeFieldOptions: { nullable: false },
      nodeQueryOptions: false, // defined in src/schema.ts with per-type read guards
      nodesQueryOptions: false,
    },
    scopeAuth: {
      authScopes: (ctx) => ({
        loggedIn: !!ctx.viewer,
        role: (roles: Role[]) => !!ctx.viewer && roles.includes(ctx.viewer.role),
      }),
      unauthorizedError: (_parent, ctx, _info, result) =>
        ctx.viewer
          ? new AppError('FORBIDDEN', `无权限 (not allowed for role ${ctx.viewer.role}): ${result.message}`)
          : new AppError('UNAUTHENTICATED', '请先登录 (log in first)'),
    },
    // unsafelyHandleInputErrors: the input guard's ValidationError (thrown before arg mappers) is a typed result
    errors: {
      defaultTypes: [AppError, ValidationError, ModuleDisabledError],
      directResult: true,
      unsafelyHandleInputErrors: true,
    },
    subGraphs: { defaultForTypes: ['core'], fieldsInheritFromTypes: true },
  });

  // before anything is registered: who registers what decides its sub-graph (src/kit/module-scope.ts)
  trackModuleOwnership(builder);
  builder.addScalarType('DateTime', DateTimeResolver, {});
  builder.addScalarType('Date', DateResolver, {});
  builder.addScalarType('JSON', JSONResolver, {});
  builder.addScalarType('Latitude', LatitudeResolver, {});
  builder.addScalarType('Longitude', LongitudeResolver, {});
  builder.addScalarType('NonNegativeInt', NonNegativeIntResolver, {});
  builder.addScalarType('PositiveInt', PositiveIntResolver, {});
  builder.addScalarType('NonNegativeFloat', NonNegativeFloatResolver, {});

  builder.queryType({ subGraphs, defaultSubGraphsForFields: [] });
  builder.mutationType({ subGraphs, defaultSubGraphsForFields: [] });
  // 实时推送: subscriptions over SSE (src/live/), declared per module with liveField like any root field
  builder.subscriptionType({ subGraphs, defaultSubGraphsForFields: [] });
  return builder;
}

export type Builder = ReturnType<typeof createBuilder>;
