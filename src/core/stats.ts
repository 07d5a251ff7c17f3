import type { ObjectRef } from '@pothos/core';
import type { Builder, RegionStatsShape } from '../builder.js';
import type { Context } from '../context.js';
import { ValidationError } from '../errors.js';

/**
 * Adds a module's figures to `RegionStats` (`Region.stats { <field>(from, to) { … } }`): its own
 * from/to override the period given to `stats`, and a reversed period is a VALIDATION error.
 */
export function addRegionStats<Shape>(
  builder: Builder,
  field: string,
  options: {
    /** default: the registering module's own sub-graph (module scope) */
    subGraphs?: string[];
    type: ObjectRef<any, Shape>;
    description: string;
    resolve: (period: RegionStatsShape, ctx: Context) => Shape | Promise<Shape>;
  },
) {
  builder.objectField('RegionStats', field, (t) =>
    t.field({
      ...(options.subGraphs ? { subGraphs: options.subGraphs } : {}),
      type: options.type,
      description: `${options.description} (from/to override the period of Region.stats)`,
      args: {
        from: t.arg({ type: 'DateTime', required: false, description: '起 period start (inclusive)' }),
        to: t.arg({ type: 'DateTime', required: false, description: '止 period end (exclusive)' }),
      },
      resolve: (stats, args, ctx) => {
        const from = args.from ?? stats.from;
        const to = args.to ?? stats.to;
        if (from && to && from > to)
          throw new ValidationError([{ path: 'to', message: 'from 应早于 to (from must not be after to)' }]);
        return options.resolve({ region: stats.region, from, to }, ctx) as never;
      },
    }),
  );
}
