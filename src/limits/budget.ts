// 执行预算: a per-request budget on execution time and response size. Once either runs out, every field
// that has not started yet refuses to start (its resolver is never called: no further database work), and
// the answer is one LIMIT_EXCEEDED error without data. Mutations get no time budget: a write that is
// half-way through its transaction finishes and reports its outcome.
// (Aborting the executor's signal would stop it too, but graphql-tools then leaves the promises of fields
// in flight rejected and unhandled, which ends a Node process.)
import SchemaBuilder, { BasePlugin, isThenable, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { DefinitionNode, GraphQLError, GraphQLFieldResolver } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { limitError } from './cost.js';

export class RequestBudget {
  private bytes = 0;
  private deadline = Infinity;
  private budgetMs = 0;
  private timer: NodeJS.Timeout | undefined;
  /** the refusal, once the budget has run out */
  exceeded: GraphQLError | null = null;
  private settle!: (error: GraphQLError) => void;
  /** resolves with the refusal the moment the budget runs out */
  readonly runsOut = new Promise<GraphQLError>((resolve) => (this.settle = resolve));

  constructor(private readonly maxBytes: number) {}

  /** a fresh budget of the same size (each event of a subscription is answered like one request) */
  renew(): RequestBudget {
    return new RequestBudget(this.maxBytes);
  }

  private exceed(error: GraphQLError) {
    this.exceeded = error;
    clearTimeout(this.timer);
    this.settle(error);
  }

  /** counts `n` bytes of response */
  spend(n: number) {
    this.bytes += n;
    if (!this.exceeded && this.bytes > this.maxBytes) {
      this.exceed(
        limitError(`响应超过 ${this.maxBytes} 字节 (response too large)`, {
          limit: 'responseBytes',
          max: this.maxBytes,
        }),
      );
    }
  }

  /** the refusal when the budget has run out (checked before every field), else null */
  check(): GraphQLError | null {
    if (!this.exceeded && performance.now() > this.deadline) this.outOfTime();
    return this.exceeded;
  }

  // the timer covers waits on the event loop; the embedded database can resolve a whole request in
  // microtasks without the loop reaching its timers, so every field also looks at the clock (check)
  startClock(ms: number) {
    this.budgetMs = ms;
    this.deadline = performance.now() + ms;
    this.timer = setTimeout(() => this.outOfTime(), ms);
    this.timer.unref();
  }

  stopClock() {
    clearTimeout(this.timer);
  }

  private outOfTime() {
    if (this.exceeded) return;
    this.exceed(
      limitError(`执行超过 ${this.budgetMs} 毫秒 (execution took too long)`, {
        limit: 'executionMs',
        max: this.budgetMs,
      }),
    );
  }
}

// A rough byte count of a resolved value, cheap enough for every field: strings by length (UTF-16 units
// weighted for CJK text), small fixed costs for everything else.
function sizeOf(value: unknown): number {
  if (value == null) return 4;
  if (typeof value === 'string') return value.length * 2 + 2;
  if (Array.isArray(value)) return value.reduce<number>((sum, v) => sum + sizeOf(v), 2);
  return 8;
}

const pluginName = 'responseBudget';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      responseBudget: PothosResponseBudgetPlugin<Types>;
    }
  }
}

/** checks the request's budget (ctx.budget) before every field and counts what it resolves to */
export class PothosResponseBudgetPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    config: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const overhead = config.name.length + 4;
    return (parent, args, ctx, info) => {
      const budget = (ctx as { budget?: RequestBudget }).budget;
      if (!budget) return resolver(parent, args, ctx, info);
      // refused as a rejected promise, never a synchronous throw: graphql-tools abandons the pending items
      // of a non-null list when one item throws synchronously, and their later rejections go unhandled
      const refusal = budget.check();
      if (refusal) return Promise.reject(refusal);
      const result = resolver(parent, args, ctx, info);
      if (isThenable(result)) {
        return Promise.resolve(result).then((value) => {
          budget.spend(overhead + sizeOf(value));
          return value;
        });
      }
      budget.spend(overhead + sizeOf(result));
      return result;
    };
  }
}

SchemaBuilder.registerPlugin(pluginName, PothosResponseBudgetPlugin);

/**
 * Runs the clock for queries and answers with the one refusal the moment the budget runs out; the
 * executor then drains in the background, every field it still reaches refusing at once.
 */
export function useExecutionBudget(executionMs: number): Plugin<{ budget?: RequestBudget }> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const budget = (args.contextValue as { budget?: RequestBudget }).budget;
      if (!budget) return undefined;
      const operation = args.document.definitions.find(
        (d: DefinitionNode) =>
          d.kind === 'OperationDefinition' &&
          (!args.operationName || (d as { name?: { value: string } }).name?.value === args.operationName),
      ) as { operation?: string } | undefined;
      if (operation?.operation !== 'mutation') {
        budget.startClock(executionMs);
        setExecuteFn((a) => {
          const run = Promise.resolve(executeFn(a));
          run.catch(() => undefined); // its outcome is no longer awaited once the budget ran out
          return Promise.race([run, budget.runsOut.then((error) => ({ errors: [error] }))]);
        });
      }
      return {
        onExecuteDone: ({ setResult }) => {
          budget.stopClock();
          if (budget.exceeded) setResult({ errors: [budget.exceeded] });
        },
      };
    },
  };
}

export default pluginName;
