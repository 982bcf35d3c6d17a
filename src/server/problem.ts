import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../shared/errors.ts';

/** RFC 9457 problem document; `code` is the stable handle clients branch on. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .loose()
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

export function problem(
  status: number,
  code: string,
  title: string,
  extra: Partial<Problem> = {},
): Problem {
  return { type: `urn:watchfloor:problem:${code}`, title, status, code, ...extra };
}

export function sendProblem(reply: FastifyReply, p: Problem) {
  const retry = p['retryAfterSeconds'];
  if (typeof retry === 'number') void reply.header('retry-after', String(retry));
  return reply.status(p.status).type('application/problem+json').send(p);
}

/** Fastify's own client errors, mapped to stable codes. */
const FRAMEWORK_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'request.too_large', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'request.unsupported_media_type', 'Send application/json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'request.malformed', 'The JSON body is empty'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'request.malformed',
    'Content-Length does not match the body',
  ],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'request.malformed_json', 'The body is not valid JSON'],
  FST_ERR_RATE_LIMIT: [429, 'request.rate_limited', 'Too many requests; slow down'],
  FST_ERR_BAD_URL: [400, 'request.malformed_url', 'The URL is not valid'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'request.uri_too_long', 'A path segment is too long'],
};

export function toProblem(
  error: FastifyError | AppError | Error,
  request: FastifyRequest,
): Problem {
  const instance = request.url.split('?')[0];
  if (error instanceof AppError) {
    return problem(error.status, error.code, error.title, {
      ...(error.message !== error.title ? { detail: error.message } : {}),
      ...error.details,
      instance,
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const errors = error.validation.map((v) => {
      const sub = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      // An unknown field is reported on its parent; name the field itself.
      const issue = v.params.issue as { code?: string; keys?: string[] } | undefined;
      const key = issue?.code === 'unrecognized_keys' ? issue.keys?.[0] : undefined;
      if (key)
        return {
          path: [where, sub, key].filter(Boolean).join('.'),
          message: v.message ?? 'unknown field',
        };
      return { path: [where, sub].filter(Boolean).join('.'), message: v.message ?? 'invalid' };
    });
    return problem(400, 'validation.failed', 'The request is not valid', {
      detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      errors,
      instance,
    });
  }
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  const known = FRAMEWORK_ERRORS[code];
  if (known) return problem(known[0], known[1], known[2], { instance });
  const status = 'statusCode' in error ? Number(error.statusCode) : 500;
  if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
    return problem(status, 'request.invalid', error.message, { instance });
  }
  return problem(500, 'internal', 'Something went wrong on our side', { instance });
}
