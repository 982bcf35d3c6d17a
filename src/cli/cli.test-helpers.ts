/**
 * Runs the real CLI in child processes (`node src/cli/main.ts …`) against temporary data
 * directories, for main.test.ts and api-client.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const children = new Set<ChildProcess>();
const dirs: string[] = [];

export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'watchfloor-cli-'));
  dirs.push(dir);
  return dir;
}

/** PGlite in `dataDir` on any free port, whatever the environment of the test run says. */
function childEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['DATABASE_URL'];
  delete env['WATCHFLOOR_LOG_LEVEL'];
  return { ...env, WATCHFLOOR_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ...extra };
}

export type CliResult = { code: number | null; stdout: string; stderr: string };

export function cli(
  dataDir: string,
  args: string[],
  opts: { input?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/cli/main.ts', ...args], {
      cwd: repoRoot,
      env: childEnv(dataDir, opts.env),
    });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      children.delete(child);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** The one JSON object a --json command prints. */
export function json(result: CliResult) {
  const lines = result.stdout.trim().split('\n');
  expect(lines, `stdout: ${result.stdout}\nstderr: ${result.stderr}`).toHaveLength(1);
  return JSON.parse(lines[0]!);
}

export type Server = { child: ChildProcess; url: string; exited: Promise<number | null> };

/** `serve --json` with PORT=0; resolves once it printed its URL. */
export function startServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--json'], {
    cwd: repoRoot,
    env: childEnv(dataDir, { WATCHFLOOR_LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', (code) => {
      children.delete(child);
      resolve(code);
    });
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`serve did not start: ${stderr}`));
    }, 45_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        const printed = JSON.parse(line) as { url?: string };
        if (printed.url) {
          clearTimeout(timer);
          resolve({ child, url: printed.url, exited });
        }
      } catch {
        // a log line
      }
    });
    void exited.then((code) => {
      reject(new Error(`serve exited with ${code}: ${stderr}`));
    });
  });
}

export async function stopServer(server: Server): Promise<number | null> {
  server.child.kill('SIGTERM');
  return server.exited;
}

export async function api(url: string, token: string, path: string, init: RequestInit = {}) {
  const res = await fetch(`${url}/api/v1${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
  });
  return { status: res.status, body: await res.json() };
}

/** For afterAll: kill what is still running and remove the data directories. */
export async function cleanUp(): Promise<void> {
  for (const child of children) child.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 200));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
