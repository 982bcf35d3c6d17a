import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Embedded PGlite allows one process per data directory. The server holds this lock while it
 * runs; the CLI reads it to talk to the server instead of opening the database.
 */
/** `url` is null while a CLI command has the database open in-process (not a server). */
export type LockInfo = { pid: number; url: string | null; startedAt: string };

export class DataDirLockedError extends Error {
  readonly holder: LockInfo;
  constructor(holder: LockInfo) {
    super(
      `The data directory is in use by Watchfloor process ${holder.pid} (${holder.url ?? 'a CLI command'})`,
    );
    this.holder = holder;
  }
}

const lockPath = (dataDir: string) => join(dataDir, 'watchfloor.lock');
export const credentialPath = (dataDir: string) => join(dataDir, 'cli-credential');

/** The live holder of the lock, or undefined (a lock left by a dead process is stale). */
export function readLock(dataDir: string): LockInfo | undefined {
  let info: LockInfo;
  try {
    info = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
  return isAlive(info.pid) ? info : undefined;
}

export function acquireLock(
  dataDir: string,
  info: Omit<LockInfo, 'pid' | 'startedAt'>,
): () => void {
  const holder = readLock(dataDir);
  if (holder && holder.pid !== process.pid) throw new DataDirLockedError(holder);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  rmSync(lockPath(dataDir), { force: true });
  const fd = openSync(lockPath(dataDir), 'wx', 0o600);
  writeFileSync(
    fd,
    JSON.stringify({ ...info, pid: process.pid, startedAt: new Date().toISOString() }),
  );
  closeSync(fd);
  return () => {
    if (readLock(dataDir)?.pid === process.pid) rmSync(lockPath(dataDir), { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The local admin credential: readable only by the owner of the data directory. */
export function writeCredential(dataDir: string, token: string): void {
  rmSync(credentialPath(dataDir), { force: true });
  writeFileSync(credentialPath(dataDir), JSON.stringify({ token }), { mode: 0o600, flag: 'wx' });
}

export function readCredential(dataDir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(credentialPath(dataDir), 'utf8')) as { token: string }).token;
  } catch {
    return undefined;
  }
}

export function removeCredential(dataDir: string): void {
  rmSync(credentialPath(dataDir), { force: true });
}
