import { existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The production build of the web app (`npm run web:build`). */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * The web app is served from the not-found path rather than from routes of its own, so the
 * route inventory (every route declares its access) stays the API's: a GET for a file of the
 * build answers that file, and a page navigation (Accept: text/html) to any other path outside
 * /api answers index.html, where the app's router takes over. Anything else is a 404 problem.
 */
export async function registerWebApp(app: FastifyInstance, distDir = WEB_DIST_DIR) {
  const built = existsSync(resolve(distDir, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: distDir, serve: false });
  return (request: FastifyRequest, reply: FastifyReply): boolean => {
    if (!built || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    const path = safeDecode(request.url.split('?')[0] ?? '/');
    if (path === undefined || path.startsWith('/api/')) return false;
    const file = resolve(distDir, `.${path}`);
    if (file.startsWith(distDir + sep) && isFile(file) && !file.endsWith('index.html')) {
      // Vite names built assets by content hash: they never change under the same name.
      const immutable = path.startsWith('/assets/');
      void reply.sendFile(path, { immutable, maxAge: immutable ? '365d' : 0 });
      return true;
    }
    if (!request.headers.accept?.includes('text/html')) return false;
    void reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    return true;
  };
}

function safeDecode(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
