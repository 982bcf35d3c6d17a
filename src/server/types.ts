import type { Viewer } from '../access/viewer.ts';
import type { RouteAccess } from '../access/permissions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: a permission, or 'public' written out. Required on every route. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    viewer: Viewer | null;
    sessionTokenHash: string | null;
  }
}
