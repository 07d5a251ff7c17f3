// 请求守卫: the two input checks that must happen before execution, as one Yoga plugin.
// 1. Nesting: graphql-js parses and validates recursively, so a literal nested 20 000 deep
//    (`value: {a:{a:{…}}}`) would overflow the stack; the source is scanned first and refused with VALIDATION.
// 2. Cursors and global ids: plugin-prisma decodes a nested connection's cursor while its *parent*
//    builds its query, so a malformed cursor failed the parent with an unexpected error. Every cursor of
//    every connection in the operation (literal or variable) is checked before anything runs; a connection
//    with its own cursor format declares `extensions: { customCursor: true }` and checks it itself.
//    Global-id arguments (`node`) are checked here too, since the cost rule decodes them during validation.
// 3. Pothos' own input errors (PothosValidationError, e.g. a malformed global id met while the cost is
//    computed) carry no code; they get VALIDATION like every other input error.
import { parsePrismaCursor } from '@pothos/plugin-prisma';
import {
  getNamedType,
  GraphQLError,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { FieldIssue } from '../errors.js';
import { globalIdProblem } from './guard-plugin.js';

/** deepest bracket nesting ({ [ ( together) a document may have: selections are limited to 12 anyway */
export const MAX_DOCUMENT_NESTING = 64;

const validationError = (message: string, issues: FieldIssue[], path?: readonly string[]) =>
  new GraphQLError(message, { path, extensions: { code: 'VALIDATION', issues } });

/** the deepest bracket nesting outside strings and comments, stopping as soon as it passes the limit */
export function nestingDepth(source: string, limit = MAX_DOCUMENT_NESTING): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (c === '"') {
      const block = source.startsWith('"""', i);
      i += block ? 3 : 1;
      while (i < source.length && !(block ? source.startsWith('"""', i) : source[i] === '"' || source[i] === '\n')) {
        i += source[i] === '\\' ? 2 : 1;
      }
      if (block) i += 2;
    } else if (c === '{' || c === '[' || c === '(') {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
  }
  return max;
}

/** why a cursor cannot belong to a Prisma connection paginated by id (`cursor: 'id'`, as every one here is) */
export function prismaCursorProblem(cursor: unknown): string | null {
  if (typeof cursor !== 'string') return null;
  let value: unknown;
  try {
    value = parsePrismaCursor(cursor);
  } catch {
    return '无效的游标 (not a cursor of this list)';
  }
  return typeof value === 'string' && value ? null : '游标不属于此列表 (a cursor of another kind of list)';
}

function argumentValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return node.kind === Kind.STRING ? node.value : undefined;
}

/** an argument the guard checks: where it is, what it must be, and its literal or variable */
interface Check {
  path: string[];
  argument: string;
  kind: 'globalId' | 'cursor';
  value: ValueNode;
}

/** the arguments of the document that are global ids or id cursors: found once per schema and document */
function checksOf(schema: GraphQLSchema, document: DocumentNode): Check[] {
  const typeInfo = new TypeInfo(schema);
  const found: Check[] = [];
  const path: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          path.push(node.alias?.value ?? node.name.value);
          const def = typeInfo.getFieldDef();
          if (!def) return;
          // every connection pages by Prisma id cursors, unless it declares its own format (`customCursor`)
          const pagesById = !def.extensions?.customCursor && getNamedType(def.type).name.endsWith('Connection');
          for (const arg of node.arguments ?? []) {
            const argDef = def.args.find((a) => a.name === arg.name.value);
            const kind = argDef?.extensions?.isRelayGlobalID
              ? 'globalId'
              : pagesById && (arg.name.value === 'after' || arg.name.value === 'before')
                ? 'cursor'
                : null;
            if (kind) found.push({ path: [...path], argument: arg.name.value, kind, value: arg.value });
          }
        },
        leave() {
          path.pop();
        },
      },
      FragmentDefinition: { enter: () => void path.splice(0), leave: () => void path.splice(0) },
    }),
  );
  return found;
}

const plans = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Check[]>>();

/** cursor and global-id problems of every field in the document, with the alias path where known */
export function preExecutionIssues(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>) {
  let bySchema = plans.get(schema);
  if (!bySchema) plans.set(schema, (bySchema = new WeakMap()));
  let checks = bySchema.get(document);
  if (!checks) bySchema.set(document, (checks = checksOf(schema, document)));
  const found: { issue: FieldIssue; path: string[] }[] = [];
  for (const check of checks) {
    const value = argumentValue(check.value, variables);
    const problem = check.kind === 'globalId' ? globalIdProblem(value) : prismaCursorProblem(value);
    if (problem) found.push({ issue: { path: check.argument, message: problem }, path: check.path });
  }
  return found;
}

const isPothosValidation = (e: unknown) => {
  const error = e as { name?: string; originalError?: { name?: string } };
  return error.name === 'PothosValidationError' || error.originalError?.name === 'PothosValidationError';
};

function asValidation(e: GraphQLError) {
  const issue = { path: e.path?.join('.') ?? 'query', message: e.message };
  const extensions = { code: 'VALIDATION', issues: [issue] };
  return new GraphQLError(e.message, { path: e.path, nodes: e.nodes, extensions });
}

export function requestGuard(): Plugin {
  return {
    onParse({ params, setParseFn }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      if (nestingDepth(source) > MAX_DOCUMENT_NESTING) {
        setParseFn(() => {
          throw validationError(`文档嵌套过深 (nested deeper than ${MAX_DOCUMENT_NESTING} levels)`, [
            { path: 'query', message: `nested deeper than ${MAX_DOCUMENT_NESTING} levels` },
          ]);
        });
      }
    },
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
      if (!result.errors.some(isPothosValidation)) return;
      setResult({ ...result, errors: result.errors.map((e) => (isPothosValidation(e) ? asValidation(e) : e)) });
    },
    // before validation: the cost rule already maps arguments (and would trip over a malformed global id)
    onValidate({ params, context, setResult }) {
      const variables = (context as { params?: { variables?: Record<string, unknown> } }).params?.variables ?? {};
      const found = preExecutionIssues(params.schema, params.documentAST, variables);
      if (found.length) {
        setResult(found.map((f) => validationError(`${f.issue.path}: ${f.issue.message}`, [f.issue], f.path)));
      }
    },
  };
}
