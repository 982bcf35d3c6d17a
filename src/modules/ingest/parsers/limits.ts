import type { Limits } from './types.ts';

export type Issue = { path: string; message: string };

/**
 * Why a string cannot be stored, or undefined when it can. PostgreSQL text refuses NUL, and
 * a lone surrogate cannot be encoded as UTF-8, so either would fail the whole batch insert.
 */
export function stringProblem(value: string, maxChars: number): string | undefined {
  if (value.length > maxChars) return `is longer than ${maxChars} characters`;
  if (value.includes('\u0000')) return 'contains a NUL character';
  if (!value.isWellFormed()) return 'contains an unpaired UTF-16 surrogate';
  return undefined;
}

/**
 * Walks a parsed value and lists every string (keys included) that cannot be stored and
 * any nesting beyond the limit. The walk stops descending at the limit, so a hostile
 * document cannot make it recurse deeply.
 */
export function inspectValue(
  value: unknown,
  limits: Pick<Limits, 'maxFieldChars' | 'maxDepth'>,
  path = '',
): Issue[] {
  const issues: Issue[] = [];
  walk(value, path, 0, limits, issues);
  return issues;
}

function walk(
  value: unknown,
  path: string,
  depth: number,
  limits: Pick<Limits, 'maxFieldChars' | 'maxDepth'>,
  issues: Issue[],
): void {
  if (issues.length >= 20) return;
  if (typeof value === 'string') {
    const problem = stringProblem(value, limits.maxFieldChars);
    if (problem) issues.push({ path: path || '(value)', message: problem });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth >= limits.maxDepth) {
    issues.push({ path: path || '(value)', message: `nests deeper than ${limits.maxDepth}` });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      walk(item, join(path, String(i)), depth + 1, limits, issues);
    });
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = stringProblem(key, Math.min(limits.maxFieldChars, 1000));
    if (keyProblem) issues.push({ path: join(path, '(key)'), message: `key ${keyProblem}` });
    else walk(item, join(path, key), depth + 1, limits, issues);
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
