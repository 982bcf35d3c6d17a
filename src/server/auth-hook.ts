import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasPermission } from '../access/permissions.ts';
import type { Db } from '../db/client.ts';
import type { Clock } from '../shared/clock.ts';
import { forbidden, unauthenticated, validationFailed } from '../shared/errors.ts';
import { csrfRequired } from '../modules/auth/auth.errors.ts';
import { authenticate } from '../modules/auth/auth.service.ts';
import { sha256 } from '../modules/auth/secrets.ts';
import { appendAudit } from '../modules/audit/audit.service.ts';

export const SESSION_COOKIE = 'wf_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before body parsing on every route: a route that is not public answers 401 without
 * credentials, 403 without the permission, and 403 for a cookie-authenticated write
 * without the CSRF token. Bearer-token requests need no CSRF token (no ambient credential).
 */
export function makeAuthHook(db: Db, clock: Clock) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    request.viewer = null;
    request.sessionTokenHash = null;
    const access = request.routeOptions.config.access;
    if (access === 'public' || access === undefined) return;
    const bearer = bearerToken(request);
    const sessionToken = request.cookies[SESSION_COOKIE];
    if (!bearer && !sessionToken) throw unauthenticated();
    const auth = await authenticate(db, clock, {
      bearerToken: bearer,
      sessionToken,
      purpose: statedPurpose(request),
    });
    // A refused request is audited (CI-08) before the 403 goes out.
    const deny = (reason: string) =>
      db.transaction((tx) =>
        appendAudit(tx, { viewer: auth.viewer, clientIp: request.ip, now: clock.now() }, [
          {
            action: 'access.denied',
            decision: 'deny',
            reason,
            details: { method: request.method, route: request.routeOptions.url ?? request.url },
          },
        ]),
      );
    if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
      if (!isCsrfValid(request.headers['x-csrf-token'], auth.csrfTokenHash)) {
        await deny('missing or wrong CSRF token');
        throw csrfRequired();
      }
    }
    request.viewer = auth.viewer;
    request.sessionTokenHash = auth.sessionTokenHash;
    if (!hasPermission(auth.viewer, access)) {
      await deny(`needs the '${access}' permission`);
      throw forbidden(`This needs the '${access}' permission`);
    }
  };
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S{1,200})$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('The Authorization header must be "Bearer <token>"');
  return match[1];
}

/** The need-to-know statement (CI-07) travels in X-Purpose and is recorded in the audit. */
function statedPurpose(request: FastifyRequest): string | null {
  const raw = request.headers['x-purpose'];
  if (raw === undefined) return null;
  const value = (Array.isArray(raw) ? raw.join(' ') : raw).trim();
  if (value.length > 500) {
    throw validationFailed('X-Purpose is limited to 500 characters', {
      errors: [{ path: 'headers.x-purpose', message: 'at most 500 characters' }],
    });
  }
  return value.length >= 3 ? value : null;
}

function isCsrfValid(header: string | string[] | undefined, expectedHash: string | null): boolean {
  if (typeof header !== 'string' || !expectedHash) return false;
  return timingSafeEqual(Buffer.from(sha256(header), 'hex'), Buffer.from(expectedHash, 'hex'));
}
