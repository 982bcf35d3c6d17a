import { it } from 'vitest';
import dc from 'node:diagnostics_channel';
import { createTestApp, recordBody } from './test-app.ts';

for (const kind of ['pglite', 'postgres'] as const) it('probe ' + kind, async () => {
  const sub = ({ fastify }: any) => fastify.addHook('onError', async (_req: any, _rep: any, err: any) => console.log('ERR', err.message, err.cause?.message, err.cause?.code));
  dc.subscribe('fastify.initialization', sub);
  const t = await createTestApp(kind);
  dc.unsubscribe('fastify.initialization', sub);
  const a = await t.buildAgency();
  const u = await t.personas.analyst(a.id);
  const show = (label: string, r: { statusCode: number; body: string; headers: Record<string, unknown> }) =>
    console.log(label, r.statusCode, r.headers['content-type'], r.body.slice(0, 200));
  show('year0', await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: u.auth, payload: recordBody({ occurredFrom: '0000-01-01T00:00:00Z' }) }));
  show('year9999', await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: u.auth, payload: recordBody({ occurredFrom: '9999-12-31T23:59:59-14:00' }) }));
  show('nul char', await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: u.auth, payload: recordBody({ title: 'a\u0000b' }) }));
  show('nul agency', await t.app.inject({ method: 'POST', url: '/api/v1/agencies', headers: (await t.personas.admin(a.id)).auth, payload: { name: 'a\u0000b' } }));
  show('lone surrogate', await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: {...u.auth, 'content-type': 'application/json'}, payload: JSON.stringify(recordBody()).replace('Trespass', 'Tres\\ud800pass') }));
  show('login nul', await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'a\u0000', password: 'x' } }));
  show('audit objectId nul', await t.app.inject({ method: 'GET', url: '/api/v1/audit?objectId=%00', headers: (await t.personas.auditor(a.id)).auth }));
  await t.close();
});
