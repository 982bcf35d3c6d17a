import { asProblem } from '../api/problem.ts';

/**
 * A validation problem's errors by form field: `body.username` → `{ username: 'message' }`,
 * so a form shows the server's reason under the input it names. Nested paths keep their
 * rest (`body.attributes.nsiTrainedAnalyst` → `attributes.nsiTrainedAnalyst`).
 */
export function fieldErrors(error: unknown, prefix = 'body.'): Record<string, string> {
  if (!error) return {};
  const out: Record<string, string> = {};
  for (const e of asProblem(error).errors ?? []) {
    if (e.path.startsWith(prefix)) out[e.path.slice(prefix.length)] ??= e.message;
  }
  return out;
}
