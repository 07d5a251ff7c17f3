// 执行预算: a per-request budget on execution time and response size. When either runs out the request's
// execution signal is aborted: graphql-tools' executor stops starting fields and the client gets one
// LIMIT_EXCEEDED error, so the work is cancelled, not just the response. Mutations get no time budget:
// a write that is half-way through its transaction finishes and reports its outcome.
import SchemaBuilder, { BasePlugin, isThenable, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { DefinitionNode, GraphQLFieldResolver } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { limitError } from './cost.js';

export class RequestBudget {
  private readonly controller = new AbortController();
  private bytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private deadline = Infinity;
  private budgetMs = 0;

  constructor(private readonly maxBytes: number) {}

  get signal() {
    return this.controller.signal;
  }

  /** counts `n` bytes of response; aborts the execution past the budget */
  spend(n: number) {
    this.bytes += n;
    if (this.signal.aborted) return;
    if (this.bytes > this.maxBytes) {
      this.controller.abort(limitError(`响应超过 ${this.maxBytes} 字节 (response too large)`,
        { limit: 'responseBytes', max: this.maxBytes }));
    } else if (performance.now() > this.deadline) {
      this.outOfTime();
    }
  }

  // The timer covers waits on the event loop; the embedded database can resolve a whole request in
  // microtasks without the loop ever reaching its timers, so every field also looks at the clock.
  startClock(ms: number) {
    this.budgetMs = ms;
    this.deadline = performance.now() + ms;
    this.timer = setTimeout(() => this.outOfTime(), ms);
    this.timer.unref();
  }

  stopClock() {
    clearTimeout(this.timer);
    this.deadline = Infinity;
  }

  private outOfTime() {
    if (this.signal.aborted) return;
    this.controller.abort(limitError(`执行超过 ${this.budgetMs} 毫秒 (execution took too long)`,
      { limit: 'executionMs', max: this.budgetMs }));
  }
}

// A rough byte count of a resolved value, cheap enough for every field: strings by length (UTF-16 units
// weighted for CJK text), small fixed costs for everything else.
function sizeOf(value: unknown): number {
  if (value == null) return 4;
  if (typeof value === 'string') return value.length * 2 + 2;
  if (Array.isArray(value)) return value.reduce<number>((sum, v) => sum + sizeOf(v), 2);
  if (typeof value === 'object' && !(value instanceof Date)) return 8;
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

/** counts what every field resolves to against the request's budget (ctx.budget) */
export class PothosResponseBudgetPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    config: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const overhead = config.name.length + 4;
    return (parent, args, ctx, info) => {
      const budget = (ctx as { budget?: RequestBudget }).budget;
      if (!budget) return resolver(parent, args, ctx, info);
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

/** hands the budget's signal to the executor and runs the clock for queries */
export function useExecutionBudget(executionMs: number): Plugin<{ budget?: RequestBudget; request?: Request }> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as { budget?: RequestBudget; request?: Request };
      const budget = ctx.budget;
      if (!budget) return undefined;
      const signals = [budget.signal, ctx.request?.signal].filter((s): s is AbortSignal => !!s);
      (args as { signal?: AbortSignal }).signal = AbortSignal.any(signals);
      const operation = args.document.definitions.find(
        (d: DefinitionNode) => d.kind === 'OperationDefinition' && (!args.operationName || (d as { name?: { value: string } }).name?.value === args.operationName),
      ) as { operation?: string } | undefined;
      if (operation?.operation !== 'mutation') budget.startClock(executionMs);
      return { onExecuteDone: () => budget.stopClock() };
    },
  };
}
export default pluginName;
