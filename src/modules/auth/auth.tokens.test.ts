import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { expectProblem } from '../../server/http.test-helpers.ts';
import { createTestApp, type TestApp } from '../../server/test-app.ts';
import {
  bearer,
  createToken,
  listTokens,
  manualClock,
  me,
  postToken,
  revokeToken,
} from './auth.test-helpers.ts';

describeEachDatabase('sign-in, sessions and API tokens', (kind) => {
  let t: TestApp;
  let agencyId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    agencyId = (await t.buildAgency()).id;
  });
  afterAll(() => t.close());

  describe('API tokens', () => {
    it('creating a token returns its secret once; the database keeps only a hash', async () => {
      const user = await t.personas.analyst(agencyId);
      const created = await postToken(t.app, user.auth, {
        name: 'nightly export',
        expiresInDays: 30,
      });
      expect(created.statusCode, created.body).toBe(201);
      const token = created.json();
      expect(token).toMatchObject({ name: 'nightly export', prefix: token.token.slice(0, 10) });
      expect(new Date(token.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

      const result: unknown = await t.database.db.execute(
        sql`select * from api_tokens where id = ${token.id}`,
      );
      const { rows } = result as { rows: Record<string, unknown>[] };
      expect(rows).toHaveLength(1);
      expect(Object.keys(rows[0] ?? {})).toContain('token_hash');
      for (const [column, value] of Object.entries(rows[0] ?? {})) {
        expect(String(value), `column ${column}`).not.toContain(token.token);
      }

      const listed = await listTokens(t.app, user.auth);
      expect(listed.statusCode).toBe(200);
      const mine = listed.json().items.find((i: { id: string }) => i.id === token.id);
      expect(mine).toMatchObject({ name: 'nightly export', prefix: token.prefix, revokedAt: null });
      expect(listed.body).not.toContain(token.token);
      expect(mine).not.toHaveProperty('token');
      expect(mine).not.toHaveProperty('tokenHash');

      expect((await me(t.app, bearer(token.token))).statusCode).toBe(200);
    });

    it('a revoked token gets 401 at its next request and shows as revoked', async () => {
      const user = await t.personas.analyst(agencyId);
      const { id, token } = await createToken(t.app, user.auth, { name: 'to revoke' });
      expect((await me(t.app, bearer(token))).statusCode).toBe(200);
      const revoked = await revokeToken(t.app, user.auth, id);
      expect(revoked.statusCode, revoked.body).toBe(204);
      expectProblem(await me(t.app, bearer(token)), 401, 'auth.unauthenticated');
      const listed = (await listTokens(t.app, user.auth)).json();
      expect(listed.items.find((i: { id: string }) => i.id === id).revokedAt).not.toBeNull();
      // Revoking twice is a 404; the user's other token still works.
      const again = await revokeToken(t.app, user.auth, id);
      expectProblem(again, 404, 'auth.token_not_found');
      expect((await me(t.app, user.auth)).statusCode).toBe(200);
    });

    it("a user can neither list nor revoke another user's tokens", async () => {
      const owner = await t.personas.analyst(agencyId);
      const thief = await t.personas.analyst(agencyId);
      const { id, token } = await createToken(t.app, owner.auth, { name: 'private' });
      const list = await listTokens(t.app, thief.auth);
      expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
      const revoke = await revokeToken(t.app, thief.auth, id);
      expectProblem(revoke, 404, 'auth.token_not_found');
      expect((await me(t.app, bearer(token))).statusCode).toBe(200);
    });

    it('an expired token gets 401', async () => {
      const clock = manualClock();
      const own = await createTestApp(kind, { clock });
      try {
        const user = await own.personas.analyst((await own.buildAgency()).id);
        const { token } = await createToken(own.app, user.auth, {
          name: 'short',
          expiresInDays: 1,
        });
        const call = () => me(own.app, bearer(token));
        expect((await call()).statusCode).toBe(200);
        clock.advance(86_400_000 + 1000);
        expectProblem(await call(), 401, 'auth.unauthenticated');
      } finally {
        await own.close();
      }
    });
  });
});
