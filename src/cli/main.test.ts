/**
 * The real CLI in child processes: exit codes, the --json contract, and the in-process path
 * of the API client (no server running). The server path is in api-client.test.ts.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { credentialPath, readCredential } from '../db/data-dir-lock.ts';
import {
  api,
  cleanUp,
  cli,
  json,
  startServer,
  stopServer,
  tempDataDir,
} from './cli.test-helpers.ts';
import { journalEntries } from './migration-status.ts';

afterAll(cleanUp);

describe('usage and configuration errors', () => {
  const dir = tempDataDir();

  it('names the flag of a bad value and exits 2; with --json also prints the error object', async () => {
    const agency = '01a1fce6-ea82-7abd-99d2-722d7310a225';
    const r = await cli(dir, [
      'user',
      'create',
      '--agency',
      agency,
      '--username',
      'u1',
      '--roles',
      'analyst,wizard',
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'--roles <list>'");
    expect(r.stderr).toContain("unknown role 'wizard'");
    expect(json(r).error.code).toBe('cli.usage');

    const records = await cli(dir, ['demo', '--records', '0']);
    expect(records.code).toBe(2);
    expect(records.stderr).toContain('--records');
    expect(records.stderr).toContain('positive integer');

    const missing = await cli(dir, ['agency', 'create']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--name <name>'");
  });

  it('exits 3 for bad configuration and for a database it cannot reach', async () => {
    const config = await cli(dir, ['audit', 'verify', '--json'], { env: { PORT: 'eighty' } });
    expect(config.code).toBe(3);
    expect(json(config).error.code).toBe('config.invalid');
    expect(config.stderr).toContain('PORT');

    const unreachable = await cli(dir, ['audit', 'verify'], {
      env: { DATABASE_URL: 'postgres://watchfloor:s3cret@127.0.0.1:1/watchfloor' },
    });
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toContain('database.unreachable');
    expect(unreachable.stderr).not.toContain('s3cret');
  });
});

describe('without a server: the CLI opens the instance itself', () => {
  it('works on a fresh machine: the data directory is created, readable only by its owner', async () => {
    const dir = join(tempDataDir(), 'not', 'yet', 'there');
    const agency = await cli(dir, ['agency', 'create', '--name', 'Arlington County PD', '--json']);
    expect(agency.code, agency.stderr).toBe(0);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('migrate → agency → user (password on stdin) → token; the token and password work against `serve`', async () => {
    const dir = tempDataDir();
    const migrated = await cli(dir, ['migrate', '--json']);
    expect(migrated.code).toBe(0);
    expect(json(migrated)).toMatchObject({
      applied: journalEntries().map((e) => e.tag),
      alreadyApplied: 0,
      // A new database has no blocking keys of an older scheme to re-derive.
      rekeyed: null,
    });

    const agency = await cli(dir, ['agency', 'create', '--name', 'Fairfax County PD', '--json']);
    expect(agency.code).toBe(0);
    const agencyId = json(agency).id as string;

    const password = 'correct horse battery staple';
    const user = await cli(
      dir,
      [
        'user',
        'create',
        '--agency',
        agencyId,
        '--username',
        'Alice.Analyst',
        '--roles',
        'analyst',
        '--attributes',
        'lawEnforcement,piiAccess,nsiTrainedAnalyst=2024-03-01',
        '--password-stdin',
        '--json',
      ],
      { input: `${password}\n` },
    );
    expect(user.code).toBe(0);
    const created = json(user);
    expect(created).toMatchObject({
      username: 'alice.analyst',
      roles: ['analyst'],
      attributes: { lawEnforcement: true, piiAccess: true, nsiTrainedAnalyst: '2024-03-01' },
      mustChangePassword: false,
    });
    expect(created.oneTimePassword).toBeUndefined();

    const token = await cli(dir, ['token', 'create', '--username', 'alice.analyst', '--json']);
    expect(token.code).toBe(0);
    const { token: secret, userId } = json(token);
    expect(userId).toBe(created.id);

    const server = await startServer(dir);
    // Through the server now: the chain holds after the in-process writes and token revocations.
    const verify = await cli(dir, ['audit', 'verify', '--json']);
    expect(verify.code).toBe(0);
    expect(json(verify)).toMatchObject({ ok: true });
    // Each in-process command revoked the short-lived system token it used.
    const revoked = await api(server.url, readCredential(dir)!, '/audit?action=auth.token_revoke');
    expect(revoked.body.items).toHaveLength(3);
    const me = await api(server.url, secret, '/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('alice.analyst');
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'alice.analyst', password }),
    });
    expect(login.status).toBe(200);

    expect(await stopServer(server)).toBe(0);
    expect(existsSync(credentialPath(dir))).toBe(false);
  }, 90_000);
});
