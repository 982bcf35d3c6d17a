/**
 * How the CLI fails: every error becomes a stable code, a message, optional per-field
 * errors, and an exit code. 0 ok · 1 operation failed · 2 usage · 3 configuration or
 * environment · 4 unexpected.
 */
import { CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2, environment: 3, unexpected: 4 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export type FieldError = { path: string; message: string };

/** A problem document as the API returns it (RFC 9457 with a stable `code`). */
export type ApiProblem = {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors?: FieldError[];
};

/** The API answered with a problem: 4xx is the operation failing, 5xx is unexpected. */
export class ApiProblemError extends Error {
  readonly problem: ApiProblem;
  constructor(problem: ApiProblem) {
    super(problem.detail ?? problem.title);
    this.problem = problem;
  }
}

/** A bad flag or argument found by the CLI itself (commander's own errors are mapped too). */
export class CliUsageError extends Error {}

/** The environment is not usable: database unreachable, data directory busy, port taken… */
export class CliEnvironmentError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

export type DescribedError = {
  exitCode: ExitCode;
  code: string;
  message: string;
  errors?: FieldError[];
  /** Shown on stderr for unexpected errors only. */
  stack?: string;
  /** Commander already printed its message (or help) on stderr. */
  alreadyPrinted?: boolean;
};

export function describeError(err: unknown): DescribedError {
  if (err instanceof ApiProblemError) return describeProblem(err.problem);
  if (err instanceof CommanderError) {
    const shownHelp = err.code === 'commander.helpDisplayed' || err.code === 'commander.version';
    return {
      exitCode: shownHelp ? EXIT.ok : EXIT.usage,
      code: shownHelp ? 'cli.help' : 'cli.usage',
      message: err.message.replace(/^error:\s*/, ''),
      alreadyPrinted: true,
    };
  }
  if (err instanceof CliUsageError) {
    return { exitCode: EXIT.usage, code: 'cli.usage', message: err.message };
  }
  if (err instanceof ConfigError) {
    return { exitCode: EXIT.environment, code: 'config.invalid', message: err.message };
  }
  if (err instanceof DataDirLockedError) {
    return { exitCode: EXIT.environment, code: 'data_dir.locked', message: err.message };
  }
  if (err instanceof CliEnvironmentError) {
    return { exitCode: EXIT.environment, code: err.code, message: err.message };
  }
  const error = err instanceof Error ? err : new Error(String(err));
  return {
    exitCode: EXIT.unexpected,
    code: 'internal',
    message: error.message || 'Unexpected error',
    ...(error.stack ? { stack: error.stack } : {}),
  };
}

function describeProblem(p: ApiProblem): DescribedError {
  // A validation problem's detail repeats its errors; the title reads better above the list.
  const message = p.errors?.length ? p.title || p.detail || p.code : (p.detail ?? p.title);
  return {
    exitCode: p.status >= 500 ? EXIT.unexpected : EXIT.failed,
    code: p.code,
    message,
    ...(p.errors?.length ? { errors: p.errors } : {}),
  };
}

/**
 * Names the CLI flag behind an API error path (`body.agencyId` → `--agency`), so a message
 * about the request body reads as a message about what the user typed.
 */
export function withFlagNames(flags: Readonly<Record<string, string>>) {
  return (err: unknown): never => {
    if (!(err instanceof ApiProblemError) || !err.problem.errors) throw err;
    const errors = err.problem.errors.map((e) => ({ ...e, path: flagFor(e.path, flags) }));
    throw new ApiProblemError({ ...err.problem, errors });
  };
}

function flagFor(path: string, flags: Readonly<Record<string, string>>): string {
  for (const [prefix, flag] of Object.entries(flags)) {
    if (path === prefix) return flag;
    if (path.startsWith(`${prefix}.`)) return `${flag} (${path.slice(prefix.length + 1)})`;
  }
  return path;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '28P01', // invalid_password
  '28000', // invalid_authorization_specification
  '3D000', // invalid_catalog_name: the database does not exist
  '57P03', // cannot_connect_now
]);
const FILESYSTEM_CODES = new Set(['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'ENOTDIR', 'EEXIST']);

/** The first error with one of the wanted codes: the error, its causes, an AggregateError's members. */
export function findCodedError(
  err: unknown,
  wanted: ReadonlySet<string>,
  depth = 0,
): { code: string; message: string } | null {
  if (!err || typeof err !== 'object' || depth > 5) return null;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && wanted.has(code)) {
    const message = err instanceof Error && err.message ? err.message : code;
    return { code, message };
  }
  if (err instanceof AggregateError) {
    for (const inner of err.errors) {
      const found = findCodedError(inner, wanted, depth + 1);
      if (found) return found;
    }
  }
  return findCodedError((err as { cause?: unknown }).cause, wanted, depth + 1);
}

/** Turns a failure to open the database into an environment error when that is what it is. */
export function explainOpenError(
  err: unknown,
  where: { databaseUrl: string | undefined; dataDir: string },
): unknown {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) return err;
  const unreachable = where.databaseUrl ? findCodedError(err, UNREACHABLE_CODES) : null;
  if (where.databaseUrl && unreachable) {
    return new CliEnvironmentError(
      'database.unreachable',
      `Cannot connect to the database at ${redactUrl(where.databaseUrl)}: ${unreachable.message}`,
      { cause: err },
    );
  }
  const filesystem = where.databaseUrl ? null : findCodedError(err, FILESYSTEM_CODES);
  if (filesystem) {
    return new CliEnvironmentError(
      'data_dir.unusable',
      `Cannot use the data directory ${where.dataDir}: ${filesystem.message}`,
      { cause: err },
    );
  }
  return err;
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
