// fast-check properties: random JSON, or valid bodies with random parts, never make the
// records API answer with a 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/test-db.ts';
import { createBadInputApp, type BadInputApp, type Payload } from './bad-input.test-helpers.ts';
import { recordBody } from './test-app.ts';

describeEachDatabase('bad input never breaks the API', (kind) => {
  let api: BadInputApp;
  beforeAll(async () => {
    api = await createBadInputApp(kind);
  });
  afterAll(() => api.close());

  describe('property: random JSON never makes the records API fail', () => {
    const paths: (string | number)[][] = [
      [],
      ['kind'],
      ['title'],
      ['narrative'],
      ['occurredFrom'],
      ['occurredTo'],
      ['location'],
      ['location', 'lat'],
      ['markings'],
      ['markings', 'tlp'],
      ['markings', 'caveats'],
      ['markings', 'releasableTo'],
      ['payload'],
      ['observations'],
      ['observations', 0],
      ['observations', 0, 'type'],
      ['observations', 0, 'attributes'],
      ['observations', 0, 'attributes', 'dateOfBirth'],
      ['observations', 0, 'textStart'],
      ['sourceRecordId'],
      ['status'],
      ['version'],
    ];
    /** Replaces the value at `path` in a copy of `body` (creating objects on the way). */
    function mutate(body: unknown, path: (string | number)[], value: unknown): unknown {
      if (path.length === 0) return value;
      const [head, ...rest] = path as [string | number, ...(string | number)[]];
      const copy = (
        Array.isArray(body)
          ? [...(body as unknown[])]
          : typeof body === 'object' && body !== null
            ? { ...(body as Payload) }
            : {}
      ) as Record<string | number, unknown>;
      copy[head] = mutate(copy[head], rest, value);
      return copy;
    }
    const mutations = fc.array(fc.tuple(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 4 })), {
      minLength: 1,
      maxLength: 3,
    });

    it('POST /api/v1/records with random JSON, or a valid body with random parts, is always < 500', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.jsonValue({ maxDepth: 4 }),
            mutations.map((ms) => ms.reduce<unknown>((b, [p, v]) => mutate(b, p, v), recordBody())),
          ),
          async (body) => {
            const res = await api.send(
              {
                method: 'POST',
                url: '/api/v1/records',
                headers: { 'content-type': 'application/json' },
                payload: body === undefined ? 'null' : JSON.stringify(body),
              },
              api.analyst,
            );
            expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
            if (res.statusCode >= 400) expect(typeof res.json().code).toBe('string');
          },
        ),
        { numRuns: 150 },
      );
    });

    it('PATCH /api/v1/records/{id} with random JSON, or a valid change with random parts, is always < 500', async () => {
      const created = await api.send(
        { method: 'POST', url: '/api/v1/records', payload: recordBody() },
        api.analyst,
      );
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      const valid = { version: 1, title: 'Updated title' };
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.jsonValue({ maxDepth: 4 }),
            mutations.map((ms) => ms.reduce<unknown>((b, [p, v]) => mutate(b, p, v), valid)),
          ),
          async (body) => {
            const res = await api.send(
              {
                method: 'PATCH',
                url: `/api/v1/records/${id}`,
                headers: { 'content-type': 'application/json' },
                payload: body === undefined ? 'null' : JSON.stringify(body),
              },
              api.analyst,
            );
            expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
            if (res.statusCode >= 400) expect(typeof res.json().code).toBe('string');
          },
        ),
        { numRuns: 150 },
      );
    });
  });
});
