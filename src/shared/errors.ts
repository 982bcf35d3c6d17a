/**
 * Errors with stable codes. Web and CLI branch on `code`, never on the message.
 * The HTTP error handler turns an AppError into an RFC 9457 problem document.
 */
export type ErrorDefinition = Readonly<{ code: string; status: number; title: string }>;

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(def: ErrorDefinition, detail?: string, details?: Record<string, unknown>) {
    super(detail ?? def.title);
    this.code = def.code;
    this.status = def.status;
    this.title = def.title;
    this.details = details;
  }
}

export function defineError(def: ErrorDefinition) {
  return Object.assign(
    (detail?: string, details?: Record<string, unknown>) => new AppError(def, detail, details),
    def,
  );
}

export const validationFailed = defineError({
  code: 'validation.failed',
  status: 400,
  title: 'The request is not valid',
});
export const unauthenticated = defineError({
  code: 'auth.unauthenticated',
  status: 401,
  title: 'Sign in first',
});
export const forbidden = defineError({
  code: 'access.forbidden',
  status: 403,
  title: 'You do not have the right to do this',
});
export const conflict = defineError({ code: 'conflict', status: 409, title: 'Conflict' });
export const unprocessable = defineError({
  code: 'unprocessable',
  status: 422,
  title: 'The request cannot be processed',
});

export function isUniqueViolation(err: unknown): boolean {
  return hasPgCode(err, '23505');
}

export function isForeignKeyViolation(err: unknown): boolean {
  return hasPgCode(err, '23503');
}

function hasPgCode(err: unknown, code: string): boolean {
  let e: unknown = err;
  // Drizzle wraps driver errors; the PostgreSQL code is on the cause.
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e === 'object' && 'code' in e && e.code === code) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
