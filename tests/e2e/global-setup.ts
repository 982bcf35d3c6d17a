/**
 * Starts the real server once for every browser test: `watchfloor demo` over a small demo
 * world in a temporary PGlite directory, on a free port, after building the web app if it is
 * missing or stale. Tests get its URL, the demo password and a folder for cached sign-ins
 * through `inject('e2e')`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { E2eWorld } from './world.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
/** Enough records for every screen to have something to show, seeded in seconds. */
const DEMO_RECORDS = '300';

let server: ChildProcess | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const chromium = process.env['WATCHFLOOR_CHROMIUM'] ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    throw new Error(
      `The browser tests drive Debian's Chromium, not found at ${chromium}: apt-get install -y chromium (or set WATCHFLOOR_CHROMIUM)`,
    );
  }
  execFileSync('node', ['scripts/web-build-if-stale.ts'], { cwd: ROOT, stdio: 'inherit' });
  dataDir = mkdtempSync(join(tmpdir(), 'watchfloor-e2e-'));
  server = spawn(
    'node',
    ['src/cli/main.ts', 'demo', '--records', DEMO_RECORDS, '--no-retrain', '--json'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        WATCHFLOOR_DATA_DIR: join(dataDir, 'data'),
        WATCHFLOOR_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const started = await readStartLine(server);
  const world: E2eWorld = {
    baseUrl: started.url,
    password: started.personas[0]?.password ?? '',
    sessionsDir: mkdtempSync(join(dataDir, 'sessions-')),
  };
  project.provide('e2e', world);
}

export async function teardown(): Promise<void> {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

type StartLine = { url: string; personas: { username: string; password: string }[] };

/** `--json` prints one JSON object once the server listens. */
function readStartLine(child: ChildProcess): Promise<StartLine> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      try {
        resolve(JSON.parse(out) as StartLine);
      } catch {
        // not the whole object yet
      }
    });
    child.once('exit', (code) => {
      reject(new Error(`the demo server exited (${String(code)}) before it started: ${out}`));
    });
  });
}
