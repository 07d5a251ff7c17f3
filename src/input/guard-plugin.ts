// 输入守卫: one Pothos plugin checks every argument of every field against the text and JSON rules
// (./text.ts) before any resolver or argument mapper sees it, so no resolver has to remember them. It walks
// the coerced values (literals and variables alike) with the field's own input types. A mutation gets a
// typed ValidationError (errors plugin, `unsafelyHandleInputErrors`), a query `errors[].extensions.code`.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputField,
  type GraphQLInputType,
} from 'graphql';
import { ValidationError, type FieldIssue } from '../errors.js';
import { jsonProblems, MAX_TEXT_LENGTH, textProblem } from './text.js';

const pluginName = 'inputGuard';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      inputGuard: PothosInputGuardPlugin<Types>;
    }
  }
}

/** a field or argument may allow longer text with `extensions: { maxLength }` */
const maxLengthOf = (def: GraphQLArgument | GraphQLInputField) =>
  typeof def.extensions?.maxLength === 'number' ? def.extensions.maxLength : MAX_TEXT_LENGTH;

function checkValue(
  value: unknown,
  type: GraphQLInputType,
  def: GraphQLArgument | GraphQLInputField,
  path: string,
  issues: FieldIssue[],
) {
  if (value == null) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) value.forEach((v, i) => checkValue(v, nullable.ofType, def, `${path}[${i}]`, issues));
    else checkValue(value, nullable.ofType, def, path, issues); // a single value coerced to a list
    return;
  }
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[key];
      if (field) checkValue(child, field.type, field, `${path}.${key}`, issues);
    }
    return;
  }
  if (!isScalarType(nullable)) return; // enums are checked by GraphQL itself
  if (nullable.name === 'JSON') {
    jsonProblems(value, path, issues);
    return;
  }
  if (typeof value !== 'string') return;
  const problem = textProblem(value, maxLengthOf(def));
  if (problem) issues.push({ path, message: problem });
  else if (def.extensions?.isRelayGlobalID && globalIdProblem(value)) {
    issues.push({ path, message: globalIdProblem(value)! });
  }
}

/** why a value is not a global id (text rules first), or null */
export function globalIdProblem(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = textProblem(value);
  if (text) return text;
  try {
    return decodeGlobalID(value).typename ? null : '不是有效的 ID (not a valid global id)';
  } catch {
    return '不是有效的 ID (not a valid global id)';
  }
}

/** every problem with a field's arguments, by argument path (`input.name`, `filter.search`, `after`) */
export function argumentIssues(defs: readonly GraphQLArgument[], args: Record<string, unknown>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const def of defs) checkValue(args[def.name], def.type, def, def.name, issues);
  return issues;
}

export class PothosInputGuardPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  // wrapArgMappers sees the arguments before any mapper (e.g. relay's global-id decoding) runs
  override wrapArgMappers(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
    config: PothosOutputFieldConfig<Types>,
  ) {
    if (!resolver || Object.keys(config.args).length === 0) return resolver;
    return ((parent, args, ctx, info) => {
      const defs = info.parentType.getFields()[info.fieldName]?.args ?? [];
      const issues = argumentIssues(defs, args as Record<string, unknown>);
      if (issues.length) throw new ValidationError(issues);
      return resolver(parent, args, ctx, info);
    }) as GraphQLFieldResolver<unknown, Types['Context'], object>;
  }
}

SchemaBuilder.registerPlugin(pluginName, PothosInputGuardPlugin);
export default pluginName;
