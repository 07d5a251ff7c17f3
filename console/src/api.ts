// The console's one way to the API: the operations of trusted-documents/console*.graphql (so in production,
// where trusted documents are enforced, each counts as trusted), one operation per request, with the session's
// bearer token. Each operation is sent alone: a document is validated whole, and the schema follows the viewer.
import core from '../../trusted-documents/console.graphql?raw';
import exports from '../../trusted-documents/console-exports.graphql?raw';
import { splitOperations } from './operations.js';

const OPERATIONS = new Map([...splitOperations(core), ...splitOperations(exports)]);

export interface RegionRef {
  id: string;
  code?: string;
  name: string;
  level: string;
}

export interface Session {
  token: string;
  username: string;
  role: string;
  region: RegionRef;
}

const KEY = 'dangjian.console.session';

/** the token lives in sessionStorage: gone when the tab closes, never in a cookie */
export function loadSession(): Session | null {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null) {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

/** a file the API serves with the bearer token (GET /exports/{id}): fetched, then handed over as a Blob */
export async function download(path: string): Promise<Blob> {
  const session = loadSession();
  const response = await fetch(path, { headers: session ? { authorization: `Bearer ${session.token}` } : {} });
  if (!response.ok) throw new ApiError(`${response.status} ${(await response.text()).slice(0, 200)}`, null);
  return response.blob();
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/** called when the server no longer accepts the token (expired, logged out elsewhere) */
let onUnauthenticated = () => {};
export const setUnauthenticatedHandler = (f: () => void) => {
  onUnauthenticated = f;
};

export async function gql<T>(operationName: string, variables: Record<string, unknown> = {}): Promise<T> {
  const query = OPERATIONS.get(operationName);
  if (!query) throw new ApiError(`unknown console operation ${operationName}`, null);
  const session = loadSession();
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (session) headers.authorization = `Bearer ${session.token}`;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, operationName, variables }),
  });
  const body = (await response.json().catch(() => null)) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  const error = body?.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? null;
    if (code === 'UNAUTHENTICATED' && session) onUnauthenticated();
    throw new ApiError(error.message, code);
  }
  if (!body?.data) throw new ApiError(`HTTP ${response.status}`, null);
  return body.data;
}

/** a mutation's typed error (the `... on Error` branch of its payload union) */
export interface TypedError {
  __typename: string;
  code?: string;
  message?: string;
  issues?: { path: string; message: string }[];
}
