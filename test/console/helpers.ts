// Shared by the console tests: the console's own operations (trusted-documents/console.graphql, sent whole with
// an operationName exactly as console/src/api.ts sends them) and a build of console/ when none exists yet.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONSOLE_DIST } from '../../src/http/console.js';
import type { GqlResult, TestApp } from '../helpers.js';
import { splitOperations } from '../../console/src/operations.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, 'trusted-documents', file), 'utf8');
/** as console/src/api.ts takes them: both files, one operation each */
export const CONSOLE_OPERATIONS = new Map([
  ...splitOperations(read('console.graphql')),
  ...splitOperations(read('console-exports.graphql')),
]);

export async function consoleOp<T = any>(
  app: { yoga: { fetch: TestApp['app']['yoga']['fetch'] } },
  operationName: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GqlResult<T>> {
  const query = CONSOLE_OPERATIONS.get(operationName);
  if (!query) throw new Error(`no console operation ${operationName}`);
  const response = await app.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, operationName, variables }),
  });
  return (await response.json()) as GqlResult<T>;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** `npm install` builds the console (postinstall); a checkout that skipped it is built here, once */
export function ensureConsoleBuilt() {
  if (existsSync(path.join(CONSOLE_DIST, 'index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--config', 'console/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}
