import type { components } from './schema';

export type Problem = components['schemas']['Problem'];

/** An API answer that was not a success: carries the RFC 9457 problem document. */
export class ApiProblem extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
    this.problem = problem;
  }
  get code(): string {
    return this.problem.code;
  }
  get status(): number {
    return this.problem.status;
  }
}

/** Any thrown value as a problem document, so every error can be shown the same way. */
export function asProblem(error: unknown): Problem {
  if (error instanceof ApiProblem) return error.problem;
  return {
    type: 'urn:watchfloor:problem:network',
    code: 'network',
    status: 0,
    title: 'Watchfloor could not be reached',
    detail: error instanceof Error ? error.message : undefined,
  };
}

export function toApiProblem(body: unknown, response: Response): ApiProblem {
  if (isProblem(body)) return new ApiProblem(body);
  return new ApiProblem({
    type: 'about:blank',
    code: `http.${response.status}`,
    status: response.status,
    title: response.statusText || `The server answered ${response.status}`,
  });
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { title?: unknown }).title === 'string'
  );
}
