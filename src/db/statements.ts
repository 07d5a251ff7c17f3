import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';

/** the statements of one HTTP request, for its log line */
export interface RequestStatements {
  count: number;
}
const perRequest = new AsyncLocalStorage<RequestStatements>();

/**
 * Counts SQL statements sent through the driver adapter. Tests read `total` before and after one
 * GraphQL request to prove a nested query does not grow with page size (N+1 guard).
 */
export class StatementCounter {
  total = 0;
  /** optional tap, e.g. to print statements while investigating */
  onStatement?: (sql: string) => void;

  record(sql: string) {
    this.total += 1;
    const request = perRequest.getStore();
    if (request) request.count += 1;
    this.onStatement?.(sql);
  }

  /**
   * Runs `fn` (one request's handling) counting its statements into `into`. Approximate under load: a
   * statement Prisma batches for several requests is counted for the one whose call started the batch.
   */
  static track<T>(into: RequestStatements, fn: () => T): T {
    return perRequest.run(into, fn);
  }

  /** statements issued while `fn` runs (meaningful when nothing else runs concurrently) */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = this.total;
    const result = await fn();
    return { result, statements: this.total - before };
  }
}

function countQueries<T extends object>(target: T, counter: StatementCounter): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop === 'queryRaw' || prop === 'executeRaw') {
        return (query: { sql: string }) => {
          counter.record(query.sql);
          return value.call(obj, query);
        };
      }
      if (prop === 'startTransaction') {
        return async (...args: unknown[]) => {
          const tx = (await value.apply(obj, args)) as Transaction;
          return countQueries(tx, counter);
        };
      }
      return value.bind(obj);
    },
  });
}

export function countingAdapter<F extends SqlDriverAdapterFactory>(factory: F, counter: StatementCounter): F {
  return new Proxy(factory, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (prop === 'connect' && typeof value === 'function') {
        return async () => countQueries((await value.call(obj)) as SqlDriverAdapter, counter);
      }
      return typeof value === 'function' ? value.bind(obj) : value;
    },
  });
}
