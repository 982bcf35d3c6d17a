/**
 * Builds the web app (`npm run web:build`) when web/dist is missing or older than any of its
 * sources, so `npm run demo` and `npm start` serve a current app on a fresh clone or after a
 * pull, and start at once otherwise.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'web/dist/index.html');
const sources = [
  'web/index.html',
  'web/vite.config.ts',
  'web/src',
  'web/public',
  'package-lock.json',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const changedAt = Math.max(...sources.map((s) => newestMtime(join(root, s))));
if (changedAt > builtAt) {
  console.error(builtAt ? 'The web app changed; rebuilding it…' : 'Building the web app…');
  execFileSync('npx', ['vite', 'build', 'web', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}
