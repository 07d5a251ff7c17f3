// 查询代价: the cost model. Every field costs 1; a connection multiplies what is selected inside it by its
// real page size (`first`/`last`, variables and defaults included, capped at the maximum page), a list of
// objects by its declared bound (`maxItems`, see ./bounded-lists.ts). @pothos/plugin-complexity computes
// the total from the request's variables; this file supplies the weights and turns refusals into
// LIMIT_EXCEEDED errors before anything executes.
import { createComplexityRule, type FieldComplexityValue } from '@pothos/plugin-complexity';
import {
  type ExecutionArgs,
  getNamedType,
  GraphQLError,
  isListType,
  isNonNullType,
  Kind,
  validate,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Limits } from './config.js';

const isList = (type: GraphQLOutputType): boolean => (isNonNullType(type) ? isList(type.ofType) : isListType(type));

const pageSize = (args: Record<string, unknown>) => {
  const asked = (args.first ?? args.last) as number | null | undefined;
  return Math.min(Math.max(asked ?? DEFAULT_PAGE_SIZE, 0), MAX_PAGE_SIZE);
};

/** the weight of one field, handed to the complexity plugin for every field of the schema */
export function fieldCost<C>(args: Record<string, unknown>, _ctx: C, field: GraphQLField<unknown, C>) {
  const named = getNamedType(field.type).name;
  const maxItems = field.extensions?.maxItems as number | undefined;
  let cost: FieldComplexityValue = 1;
  if (named.endsWith('Connection') && field.args.some((a) => a.name === 'first')) {
    cost = { field: 1, multiplier: pageSize(args) };
  } else if (field.name === 'edges' && named.endsWith('Edge')) {
    cost = { field: 1, multiplier: 1 };
  } else if (isList(field.type)) {
    const asked = typeof args.first === 'number' ? Math.max(args.first, 0) : Infinity;
    cost = { field: 1, multiplier: Math.min(asked, maxItems ?? 1) };
  }
  return cost;
}

export const limitError = (message: string, details: Record<string, unknown>) =>
  new GraphQLError(`超出查询限制 (limit exceeded): ${message}`, { extensions: { code: 'LIMIT_EXCEEDED', ...details } });

// Introspection lists (types, fields, args …) nest into each other without end; GraphiQL's own query
// nests three of them and asks for `__schema` once. Fragments are expanded, so they cannot hide nesting.
const INTROSPECTION_LISTS = new Set([
  'types',
  'fields',
  'args',
  'inputFields',
  'interfaces',
  'possibleTypes',
  'enumValues',
  'directives',
]);
const MAX_INTROSPECTION_NESTING = 3;
const MAX_INTROSPECTION_ROOTS = 3;

function introspectionRule(context: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of context.getDocument().definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let roots = 0;
  let deepest = 0;
  const walk = (set: SelectionSetNode | undefined, inside: boolean, nesting: number, seen: Set<string>) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        const root = name === '__schema' || name === '__type';
        if (root) roots++;
        const level = nesting + (inside && INTROSPECTION_LISTS.has(name) ? 1 : 0);
        deepest = Math.max(deepest, level);
        if (level <= MAX_INTROSPECTION_NESTING) walk(sel.selectionSet, inside || root, level, seen);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet, inside, nesting, seen);
      } else if (!seen.has(sel.name.value)) {
        walk(fragments.get(sel.name.value)?.selectionSet, inside, nesting, new Set(seen).add(sel.name.value));
      }
    }
  };
  return {
    OperationDefinition(node) {
      walk(node.selectionSet, false, 0, new Set());
      if (roots > MAX_INTROSPECTION_ROOTS || deepest > MAX_INTROSPECTION_NESTING) {
        context.reportError(
          limitError(
            `内省查询过大 (introspection: at most ${MAX_INTROSPECTION_ROOTS} __schema/__type, lists nested ` +
              `at most ${MAX_INTROSPECTION_NESTING} deep)`,
            { limit: 'introspection' },
          ),
        );
      }
      roots = 0;
      deepest = 0;
    },
  };
}

function aliasRule(max: number): ValidationRule {
  return (context) => {
    let aliases = 0;
    let reported = false;
    return {
      Field(node) {
        if (node.alias && ++aliases > max && !reported) {
          reported = true;
          context.reportError(limitError(`别名超过 ${max} 个 (more than ${max} aliases)`, { limit: 'aliases', max }));
        }
      },
    };
  };
}

/** the cost and depth errors of one operation with its variables (empty when within the limits) */
function measure(args: ExecutionArgs, limits: Limits): readonly GraphQLError[] {
  const errors: GraphQLError[] = [];
  const rule = createComplexityRule({
    context: args.contextValue as object,
    variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
    operationName: args.operationName ?? null,
    validate: ({ complexity, depth }, report) => {
      if (depth > limits.maxDepth) {
        report(
          limitError(`嵌套深度 ${depth} 超过 ${limits.maxDepth} (depth)`, {
            limit: 'depth',
            max: limits.maxDepth,
            actual: depth,
          }),
        );
      }
      if (complexity > limits.maxCost) {
        report(
          limitError(`查询代价 ${complexity} 超过 ${limits.maxCost} (cost)`, {
            limit: 'cost',
            max: limits.maxCost,
            actual: complexity,
          }),
        );
      }
    },
  });
  errors.push(...validate(args.schema, args.document, [rule]));
  return errors;
}

/**
 * Verdicts remembered per schema, parsed document (Yoga's parser cache hands back the same object for the
 * same text), operation and variables: field costs depend on arguments only (`fieldCost` ignores the
 * context), so a repeated request need not walk its document again. A few variable sets per document.
 */
/** operation and variables as a cache key; null when they are too large or too deep to keep (hostile input) */
function variablesKey(args: ExecutionArgs): string | null {
  try {
    const key = `${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
    return key.length > 20_000 ? null : key;
  } catch {
    return null; // nested beyond the stack (a 20 000-deep JSON variable): not worth a key
  }
}

class Verdicts {
  private readonly bySchema = new WeakMap<object, WeakMap<object, Map<string, readonly GraphQLError[]>>>();

  get(args: ExecutionArgs, compute: () => readonly GraphQLError[]): readonly GraphQLError[] {
    let byDocument = this.bySchema.get(args.schema);
    if (!byDocument) this.bySchema.set(args.schema, (byDocument = new WeakMap()));
    let byVariables = byDocument.get(args.document);
    if (!byVariables) byDocument.set(args.document, (byVariables = new Map()));
    const key = variablesKey(args);
    if (key === null) return compute(); // large or deeply nested variables are measured each time, never kept
    let verdict = byVariables.get(key);
    if (!verdict) {
      verdict = compute();
      if (byVariables.size >= 32) byVariables.delete(byVariables.keys().next().value!);
      byVariables.set(key, verdict);
    }
    return verdict;
  }
}

/**
 * Alias and introspection rules join validation (they depend on the document only, so Yoga may cache
 * their verdict). Cost and depth are measured just before execution with the request's variables:
 * a validation result cached for one `$first` must not let another through.
 */
export function useQueryLimits(limits: Limits): Plugin {
  const verdicts = new Verdicts();
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(aliasRule(limits.maxAliases));
      addValidationRule(introspectionRule);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const errors = verdicts.get(args, () => measure(args, limits));
      if (errors.length) setResultAndStopExecution({ errors });
    },
  };
}
