import { GraphQLError } from 'graphql';

/** Stable codes front ends switch on. Modules use these; the message says the specifics. */
export const ERROR_CODES = {
  VALIDATION: '输入不合法 invalid input',
  UNAUTHENTICATED: '未登录 not logged in',
  FORBIDDEN: '无权限 outside your role or scope',
  NOT_FOUND: '不存在 not found (or not visible to you)',
  MODULE_DISABLED: '模块未启用 module switched off for that township',
  CONFLICT: '冲突 someone else changed it first, or it already exists',
  INVALID_TRANSITION: '状态不允许 not allowed in the current state',
  LIMIT_EXCEEDED: '超出限额 over a configured limit',
  RATE_LIMITED: '操作过于频繁 too many attempts, wait',
  PRECONDITION_FAILED: '条件不满足 a requirement is missing',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * An expected failure. It is a GraphQLError so that, thrown from a query, it reaches the client
 * unmasked with `extensions.code`; from a mutation the errors plugin returns it as a typed result.
 */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
    this.code = code;
    this.name = 'AppError';
  }
}

export class ValidationError extends AppError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[] | string, path = 'input') {
    const list = typeof issues === 'string' ? [{ path, message: issues }] : issues;
    super('VALIDATION', list.map((i) => `${i.path}: ${i.message}`).join('; '), { issues: list });
    this.issues = list;
  }
}

export class ModuleDisabledError extends AppError {
  readonly moduleId: string;
  constructor(moduleId: string, where: string) {
    super('MODULE_DISABLED', `模块 ${moduleId} 未在${where}启用 (module "${moduleId}" is switched off there)`, {
      moduleId,
    });
    this.moduleId = moduleId;
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} 不存在或不可见 (not found)`);
export const forbidden = (why: string) => new AppError('FORBIDDEN', why);
export const conflict = (why: string) => new AppError('CONFLICT', why);
export const invalidTransition = (why: string) => new AppError('INVALID_TRANSITION', why);

/** Collects input problems and throws them together, so a client fixes its form in one go. */
export class Checks {
  private readonly issues: FieldIssue[] = [];
  check(ok: unknown, path: string, message: string) {
    if (!ok) this.issues.push({ path, message });
    return this;
  }
  text(value: string | null | undefined, path: string, { min = 1, max = 200, required = true } = {}) {
    if (value == null) return this.check(!required, path, '必填 required');
    const len = [...value.trim()].length;
    return this.check(len >= min && len <= max, path, `长度应为 ${min}–${max} 个字符 (length ${min}–${max})`);
  }
  throwIfAny() {
    if (this.issues.length) throw new ValidationError(this.issues);
  }
}

/**
 * A unique-constraint violation, whichever way it arrives: Prisma's P2002, or (through the PGlite
 * adapter) a driver error whose cause carries PostgreSQL's SQLSTATE 23505.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as {
    code?: string;
    cause?: { code?: string; originalCode?: string; kind?: string };
    meta?: { code?: string };
  } | null;
  return (
    e?.code === 'P2002' ||
    e?.code === '23505' ||
    e?.cause?.code === '23505' ||
    e?.cause?.originalCode === '23505' ||
    e?.cause?.kind === 'UniqueConstraintViolation' ||
    e?.meta?.code === '23505'
  );
}
