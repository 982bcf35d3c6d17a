import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSIONS, hasPermission, type Permission } from '../../access/permissions.ts';
import { auditActor } from '../../shared/context.ts';
import { idParamsSchema, type AppDeps } from '../../server/app.ts';
import { SESSION_COOKIE } from '../../server/auth-hook.ts';
import { ctxOf } from '../../server/context.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { getAgency } from '../agencies/agencies.service.ts';
import {
  createdTokenSchema,
  createTokenBodySchema,
  passwordSchema,
  userSchema,
} from '../users/users.schemas.ts';
import { createTokenForUser, getUser } from '../users/users.service.ts';
import { changePassword, listTokens, revokeToken } from './account.service.ts';
import { noSession } from './auth.errors.ts';
import { login, logout } from './auth.service.ts';
import { deriveCsrfToken } from './secrets.ts';

const loginBodySchema = z
  .object({
    username: z.string().trim().toLowerCase().min(1).max(100),
    password: z.string().min(1).max(200),
  })
  .strict();

const meSchema = z
  .object({
    user: userSchema,
    agency: z.object({
      id: z.uuid(),
      name: z.string(),
      discipline: z.string(),
      level: z.string(),
      ori: z.string().nullable(),
    }),
    sharingGroupIds: z.array(z.uuid()),
    // An enum, so the web client's generated types name every right.
    permissions: z.array(z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]])),
  })
  .meta({ id: 'Me' });

export function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const secure = deps.config.secureCookies;
  r.post(
    '/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        security: [],
        body: loginBodySchema,
        response: {
          200: z.object({
            csrfToken: z.string(),
            mustChangePassword: z.boolean(),
            expiresAt: z.date(),
            userId: z.uuid(),
          }),
        },
      },
    },
    async (req, reply) => {
      const result = await login(deps.database.db, deps.clock, deps.config.sessionHours, {
        ...req.body,
        clientIp: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      void reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        httpOnly: true,
        sameSite: 'strict',
        secure,
        path: '/',
        expires: result.expiresAt,
      });
      return {
        csrfToken: result.csrfToken,
        mustChangePassword: result.mustChangePassword,
        expiresAt: result.expiresAt,
        userId: result.viewer.userId,
      };
    },
  );
  r.post(
    '/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags, response: { 204: z.null() } } },
    async (req, reply) => {
      await logout(deps.database.db, auditActor(ctxOf(req, deps)), req.sessionTokenHash);
      return reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send(null);
    },
  );
  r.get(
    '/me',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: meSchema } } },
    (req) => loadMe(ctxOf(req, deps)),
  );
  // After a page reload the web app has its cookie but not its CSRF token: this gives both
  // the signed-in user and the token again (derived from the cookie, docs/adr/0008).
  r.get(
    '/auth/session',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        response: {
          200: z.object({ csrfToken: z.string(), me: meSchema }).meta({ id: 'Session' }),
        },
      },
    },
    async (req) => {
      const sessionToken = req.cookies[SESSION_COOKIE];
      if (!req.sessionTokenHash || !sessionToken) throw noSession();
      return { csrfToken: deriveCsrfToken(sessionToken), me: await loadMe(ctxOf(req, deps)) };
    },
  );
  r.post(
    '/auth/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        body: z
          .object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema })
          .strict(),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await changePassword(
        ctxOf(req, deps),
        req.sessionTokenHash,
        req.body.currentPassword,
        req.body.newPassword,
      );
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/auth/tokens',
    {
      config: { access: 'authenticated' },
      schema: { tags, body: createTokenBodySchema, response: { 201: createdTokenSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      return reply.status(201).send(await createTokenForUser(ctx, ctx.viewer.userId, req.body));
    },
  );
  r.get(
    '/auth/tokens',
    {
      config: { access: 'authenticated' },
      schema: { tags, response: { 200: z.object({ items: z.array(tokenSchema) }) } },
    },
    async (req) => ({
      items: await listTokens(ctxOf(req, deps)),
    }),
  );
  r.delete(
    '/auth/tokens/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParamsSchema, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await revokeToken(ctxOf(req, deps), req.params.id);
      return reply.status(204).send(null);
    },
  );
}

const tokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.date(),
    expiresAt: z.date().nullable(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
  })
  .meta({ id: 'ApiToken' });

async function loadMe(ctx: ServiceContext) {
  const [user, agency] = await Promise.all([
    getUser(ctx, ctx.viewer.userId),
    getAgency(ctx, ctx.viewer.agencyId),
  ]);
  const permissions = (Object.keys(PERMISSIONS) as Permission[]).filter((p) =>
    hasPermission(ctx.viewer, p),
  );
  return { user, agency, sharingGroupIds: [...ctx.viewer.sharingGroupIds], permissions };
}
