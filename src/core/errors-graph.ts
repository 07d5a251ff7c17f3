import type { Builder } from '../builder.js';
import { describedValues } from './enums.js';
import { AppError, ERROR_CODES, ModuleDisabledError, ValidationError } from '../errors.js';

/** typed errors every mutation may return (errors plugin), with a stable `code` */
export const MUTATION_ERRORS = [AppError, ValidationError, ModuleDisabledError];

export function registerErrorTypes(builder: Builder) {
  const ErrorCode = builder.enumType('ErrorCode', {
    description: '错误代码: stable codes front ends switch on',
    values: describedValues(ERROR_CODES),
  });

  const ErrorInterface = builder.interfaceRef<AppError>('Error').implement({
    description: '预期的失败 an expected failure: nothing was changed',
    fields: (t) => ({
      code: t.field({ type: ErrorCode, resolve: (e) => e.code }),
      message: t.exposeString('message'),
      details: t.field({
        type: 'JSON',
        nullable: true,
        description: '细节 machine-readable specifics, e.g. { missing: ["TALK", "TRAINING"] } for PRECONDITION_FAILED',
        resolve: (e) => {
          const { code: _code, ...rest } = (e.extensions ?? {}) as Record<string, unknown>;
          return Object.keys(rest).length ? rest : null;
        },
      }),
    }),
  });

  builder.objectType(AppError, {
    name: 'DomainError',
    description: '业务错误 a rule of the domain refused the request (see code)',
    interfaces: [ErrorInterface],
    isTypeOf: (e) => e instanceof AppError,
  });

  const FieldIssue = builder.objectRef<{ path: string; message: string }>('FieldIssue').implement({
    description: '输入问题 one problem with one input field',
    fields: (t) => ({ path: t.exposeString('path'), message: t.exposeString('message') }),
  });

  builder.objectType(ValidationError, {
    name: 'ValidationError',
    description: '输入不合法 the input failed validation; every problem is listed',
    interfaces: [ErrorInterface],
    isTypeOf: (e) => e instanceof ValidationError,
    fields: (t) => ({ issues: t.field({ maxItems: 100, type: [FieldIssue], resolve: (e) => e.issues }) }),
  });

  builder.objectType(ModuleDisabledError, {
    name: 'ModuleDisabledError',
    description: '模块未启用 the module is switched off for that township',
    interfaces: [ErrorInterface],
    isTypeOf: (e) => e instanceof ModuleDisabledError,
    fields: (t) => ({ moduleId: t.exposeString('moduleId') }),
  });
}

/**
 * `{Name}Payload { <field>: <type> }`: the mutation convention, the changed object under its own name.
 */
export function payloadType<T>(
  builder: Builder,
  name: string,
  field: string,
  type: Parameters<Builder['objectRef']>[0] extends never ? never : any,
  options: { subGraphs?: string[]; nullable?: boolean; description?: string } = {},
) {
  return builder.objectRef<Record<string, T>>(name).implement({
    subGraphs: options.subGraphs,
    description: options.description,
    fields: (t) => ({
      [field]: t.field({
        type,
        nullable: options.nullable ?? false,
        resolve: (p: Record<string, T>) => p[field] as never,
      }),
    }),
  });
}
