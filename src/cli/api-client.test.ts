/**
 * The server path of the API client: while `serve` holds the PGlite data directory, CLI
 * commands go to it over HTTP with the local credential it left (in-process would fail:
 * PGlite allows one process per data directory).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCredential } from '../db/data-dir-lock.ts';
import {
  api,
  cleanUp,
  cli,
  json,
  startServer,
  stopServer,
  tempDataDir,
  type Server,
} from './cli.test-helpers.ts';

afterAll(cleanUp);

describe('while `serve` holds the PGlite data directory', () => {
  const dir = tempDataDir();
  let server: Server;
  let credential: string;

  beforeAll(async () => {
    server = await startServer(dir);
    credential = readCredential(dir)!;
  }, 60_000);

  afterAll(async () => {
    if (server.child.exitCode === null) expect(await stopServer(server)).toBe(0);
  });

  it('agency create goes through the server and is audited there', async () => {
    const r = await cli(dir, ['agency', 'create', '--name', 'Loudoun County Sheriff', '--json']);
    expect(r.code).toBe(0);
    const agency = json(r);
    const audit = await api(
      server.url,
      credential,
      `/audit?action=agency.create&objectId=${agency.id}`,
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].actorUsername).toBe('system');
    // The in-process path would have minted (and audited) a token of its own.
    const minted = await api(server.url, credential, '/audit?action=auth.token_create');
    expect(
      minted.body.items.map((e: { details: { name?: string } }) => e.details.name),
    ).not.toContain('cli-inprocess');
  });

  it('user create without --password-stdin prints a one-time password once', async () => {
    const agency = await api(server.url, credential, '/agencies', {
      method: 'POST',
      body: JSON.stringify({ name: 'Prince William County PD' }),
    });
    const args = ['user', 'create', '--agency', agency.body.id, '--roles', 'watch_officer'];
    const human = await cli(dir, [...args, '--username', 'bob.watch']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/One-time password: \S{8,}/);

    const r = await cli(dir, [...args, '--username', 'carol.watch', '--json']);
    expect(r.code).toBe(0);
    const created = json(r);
    expect(created.oneTimePassword).toEqual(expect.any(String));
    expect(created.mustChangePassword).toBe(true);

    const again = await cli(dir, [...args, '--username', 'carol.watch', '--json']);
    expect(again.code).toBe(1);
    expect(json(again).error.code).toBe('conflict');
  });

  it('token create for an unknown user exits 1 with users.not_found', async () => {
    const nobody = await cli(dir, ['token', 'create', '--username', 'nobody', '--json']);
    expect(nobody.code).toBe(1);
    expect(json(nobody).error.code).toBe('users.not_found');
  });

  it('migrate refuses with exit code 3', async () => {
    const r = await cli(dir, ['migrate', '--json']);
    expect(r.code).toBe(3);
    expect(json(r).error.code).toBe('data_dir.locked');
    expect(r.stderr).toContain(String(server.child.pid));
  });
});
