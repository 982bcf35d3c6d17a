import type { FastifyReply, FastifyRequest } from 'fastify';
import { validationFailed } from '../shared/errors.ts';

// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 32;

/**
 * PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate is not Unicode: both are
 * refused at the boundary with the path of the offending value, before any route sees them.
 * Over-deep JSON is refused too (nothing in the API nests that far).
 */
export function rejectUnstorableInput(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: (err?: Error) => void,
): void {
  for (const [where, value] of [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ] as const) {
    const problem = findProblem(value, where, 0);
    if (problem) {
      done(validationFailed(`${problem.path}: ${problem.message}`, { errors: [problem] }));
      return;
    }
  }
  done();
}

type Found = { path: string; message: string } | undefined;

function findProblem(value: unknown, path: string, depth: number): Found {
  if (depth > MAX_DEPTH) return { path, message: `nested deeper than ${MAX_DEPTH} levels` };
  if (typeof value === 'string') {
    return UNSTORABLE.test(value)
      ? { path, message: 'contains a NUL character or invalid Unicode' }
      : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findProblem(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const found = UNSTORABLE.test(key)
        ? { path, message: 'a field name contains invalid characters' }
        : findProblem(v, `${path}.${key}`, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
