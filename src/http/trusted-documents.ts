// 受信文档 (trusted documents): in production the front ends send the sha256 of an operation committed in
// trusted-documents/ (`extensions: { persistedQuery: { version: 1, sha256Hash } }`), never its text; only
// accounts of chosen roles (analysts and the system administrator, in GraphiQL) may send operations of
// their own. Text whose chosen operation is identical to a trusted one (after printing) counts as that
// operation, so GraphiQL's Login example still works for an analyst who is not logged in yet.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { Kind, parse, print, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export const TRUSTED_DOCUMENTS_DIR = path.resolve(import.meta.dirname, '../../trusted-documents');

export interface TrustedManifest {
  /** for the front ends: each named operation and the hash to send for it */
  operations: { name: string; file: string; sha256: string }[];
  /** hash → document text (an operation with the fragments it uses) */
  documents: Record<string, string>;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** one trusted document per named operation of trusted-documents/*.graphql, printed canonically */
export function buildManifest(dir = TRUSTED_DOCUMENTS_DIR): TrustedManifest {
  const manifest: TrustedManifest = { operations: [], documents: {} };
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()) {
    const definitions = parse(readFileSync(path.join(dir, file), 'utf8')).definitions;
    const fragments = definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
    for (const op of definitions) {
      if (op.kind !== Kind.OPERATION_DEFINITION) continue;
      if (!op.name) throw new Error(`${file}: every trusted operation needs a name`);
      const text = print({ kind: Kind.DOCUMENT, definitions: [op as DefinitionNode, ...fragments] });
      const hash = sha256(text);
      manifest.operations.push({ name: op.name.value, file, sha256: hash });
      manifest.documents[hash] = text;
    }
  }
  return manifest;
}

export function loadManifest(dir = TRUSTED_DOCUMENTS_DIR): TrustedManifest {
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as TrustedManifest;
}

export interface TrustedDocumentsOptions {
  /** refuse operations that are not trusted documents, except for `arbitraryRoles` (default: in production) */
  enforce: boolean;
  /** roles that may send any operation (TRUSTED_DOCUMENTS_ARBITRARY_ROLES) */
  arbitraryRoles: string[];
}

export function trustedDocumentsFromEnv(env: NodeJS.ProcessEnv, production: boolean): TrustedDocumentsOptions {
  const mode = env.TRUSTED_DOCUMENTS;
  if (mode && mode !== 'enforce' && mode !== 'off') throw new Error('TRUSTED_DOCUMENTS: enforce or off');
  const roles = (env.TRUSTED_DOCUMENTS_ARBITRARY_ROLES ?? 'ANALYST,SYSTEM_ADMIN').split(',').map((r) => r.trim());
  return { enforce: mode ? mode === 'enforce' : production, arbitraryRoles: roles.filter(Boolean) };
}

// a client sends the same few texts again and again: parse, print and hash each once
const canonicalCache = new Map<string, string | null>();

/** the hash of the operation a request runs, printed as trusted documents are (GraphiQL sends several) */
export function canonical(query: string, operationName: string | null | undefined): string | null {
  const key = `${operationName ?? ''}\u0000${query}`;
  const known = canonicalCache.get(key);
  if (known !== undefined) return known;
  const hash = hashOf(query, operationName);
  if (key.length > 20_000) return hash; // a hostile client's long texts must not fill memory
  if (canonicalCache.size >= 1000) canonicalCache.delete(canonicalCache.keys().next().value!);
  canonicalCache.set(key, hash);
  return hash;
}

function hashOf(query: string, operationName: string | null | undefined): string | null {
  try {
    const definitions = parse(query).definitions;
    const operations = definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const op = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
    if (!op || (!operationName && operations.length > 1)) return null;
    const fragments = definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
    return sha256(print({ kind: Kind.DOCUMENT, definitions: [op, ...fragments] }));
  } catch {
    return null; // not parseable: Yoga reports the syntax error itself
  }
}

/** the trusted-documents plugins; `roleOf` answers the role of the request's account (null: anonymous) */
export function useTrustedDocuments(
  options: TrustedDocumentsOptions,
  roleOf: (request: Request) => Promise<string | null>,
  manifest: TrustedManifest = loadManifest(),
): Plugin[] {
  // a request carrying the text of a trusted operation is handled as that operation's hash
  const recognise: Plugin = {
    onParams({ params, setParams }) {
      if (!options.enforce || !params.query) return;
      const hash = canonical(params.query, params.operationName);
      if (!hash || !manifest.documents[hash]) return;
      const extensions = { ...params.extensions, persistedQuery: { version: 1, sha256Hash: hash } };
      setParams({ operationName: params.operationName, variables: params.variables, extensions });
    },
  };
  const persisted = usePersistedOperations({
    getPersistedOperation: (key) => manifest.documents[key] ?? null,
    allowArbitraryOperations: options.enforce
      ? async (request) => options.arbitraryRoles.includes((await roleOf(request)) ?? '')
      : true,
    customErrors: {
      notFound: { message: '未知的受信文档 (no trusted document with this hash)', extensions: { code: 'NOT_FOUND' } },
      keyNotFound: {
        message: '请求缺少操作 (send a query, or the sha256Hash of a trusted document)',
        extensions: { code: 'VALIDATION' },
      },
      persistedQueryOnly: {
        message: '仅接受受信文档 (this server accepts trusted documents only; analysts may log in first)',
        extensions: { code: 'TRUSTED_DOCUMENTS_ONLY' },
      },
    },
  });
  return [recognise, persisted];
}
