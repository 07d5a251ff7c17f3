// The console's one way to the API: the operations of trusted-documents/console.graphql, sent whole with an
// operationName (so they count as trusted documents in production), with the session's bearer token.
import documents from '../../trusted-documents/console.graphql?raw';

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
  const session = loadSession();
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (session) headers.authorization = `Bearer ${session.token}`;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: documents, operationName, variables }),
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
