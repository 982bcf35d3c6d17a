import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { startIngestWorker } from '../jobs/ingest-worker.ts';
import type { Database, DatabaseKind } from '../db/client.ts';
import { createTestDatabase } from '../db/test-db.ts';
import { systemClock, type Clock } from '../shared/clock.ts';
import type { ServiceContext } from '../shared/context.ts';
import { createApiToken } from '../modules/auth/auth.service.ts';
import { ensureCenter, systemViewer, type CenterInfo } from '../modules/center/center.service.ts';
import { createAgency } from '../modules/agencies/agencies.service.ts';
import type { CreateAgencyBody } from '../modules/agencies/agencies.schemas.ts';
import { createUser } from '../modules/users/users.service.ts';
import type { CreateUserBody } from '../modules/users/users.schemas.ts';
import { buildApp, type App } from './app.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

export const testConfig: Config = Object.freeze({
  port: 0,
  host: '127.0.0.1',
  dataDir: mkdtempSync(join(tmpdir(), 'watchfloor-test-data-')),
  databaseUrl: undefined,
  centerName: 'Test Fusion Center',
  logLevel: 'silent',
  sessionHours: 12,
  secureCookies: false,
  maxBodyBytes: 1024 * 1024,
  maxIngestBytes: 64 * 1024 * 1024,
});

export type TestUser = {
  id: string;
  username: string;
  agencyId: string;
  token: string;
  auth: { authorization: string };
};

let counter = 0;
const unique = (prefix: string) => `${prefix}${process.pid}x${++counter}`;

/** A real app over a fresh migrated database, with factories that go through the services. */
export async function createTestApp(
  kind: DatabaseKind,
  opts: { clock?: Clock; ingestWorker?: boolean } = {},
) {
  const database: Database = await createTestDatabase(kind);
  const clock = opts.clock ?? systemClock;
  const center: CenterInfo = await ensureCenter(database.db, testConfig.centerName);
  const worker = opts.ingestWorker
    ? startIngestWorker({
        db: database.db,
        kind,
        clock,
        center,
        onError: (err) => {
          throw err;
        },
      })
    : undefined;
  const app: App = await buildApp({
    config: testConfig,
    database,
    clock,
    center,
    onIngestQueued: () => worker?.wake(),
  });
  const system: ServiceContext = {
    db: database.db,
    viewer: systemViewer(center, 'test setup'),
    clientIp: null,
    clock,
    centerId: center.id,
  };

  async function buildAgency(overrides: Partial<CreateAgencyBody> = {}) {
    return createAgency(system, {
      name: unique('Agency '),
      discipline: 'law_enforcement',
      level: 'local',
      pointsOfContact: [{ name: 'Duty Sergeant', phone: '+18045550100' }],
      ...overrides,
    });
  }

  async function buildUser(
    agencyId: string,
    overrides: Partial<CreateUserBody> = {},
  ): Promise<TestUser> {
    const user = await createUser(system, {
      agencyId,
      username: unique('user'),
      displayName: 'Test User',
      roles: ['analyst'],
      attributes: {
        lawEnforcement: true,
        cfr23Trained: false,
        piiAccess: true,
        healthAccess: false,
        nsiTrainedAnalyst: null,
      },
      password: TEST_PASSWORD,
      ...overrides,
    });
    const { token } = await createApiToken(
      database.db,
      { viewer: system.viewer, clientIp: null, now: clock.now() },
      { userId: user.id, name: 'test', expiresInDays: null },
    );
    return {
      id: user.id,
      username: user.username,
      agencyId,
      token,
      auth: { authorization: `Bearer ${token}` },
    };
  }

  /** Named personas over the DOMAIN.md roles and attributes. */
  const personas = {
    analyst: (agencyId: string) => buildUser(agencyId, { roles: ['analyst'] }),
    intelAnalyst: (agencyId: string) =>
      buildUser(agencyId, {
        roles: ['analyst', 'intel_reviewer'],
        attributes: {
          lawEnforcement: true,
          cfr23Trained: true,
          piiAccess: true,
          healthAccess: false,
          nsiTrainedAnalyst: null,
        },
      }),
    admin: (agencyId: string) => buildUser(agencyId, { roles: ['admin'] }),
    auditor: (agencyId: string) => buildUser(agencyId, { roles: ['auditor'] }),
    privacyOfficer: (agencyId: string) => buildUser(agencyId, { roles: ['privacy_officer'] }),
    partnerWithoutLes: (agencyId: string) =>
      buildUser(agencyId, {
        roles: ['partner'],
        attributes: {
          lawEnforcement: false,
          cfr23Trained: false,
          piiAccess: false,
          healthAccess: false,
          nsiTrainedAnalyst: null,
        },
      }),
  };

  return {
    app,
    database,
    center,
    system,
    clock,
    buildAgency,
    buildUser,
    personas,
    close: async () => {
      await worker?.stop();
      await app.close();
      await database.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A minimal valid record body (an incident), to be overridden per test. */
export function recordBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'incident',
    title: 'Trespass at substation',
    narrative: 'Two males seen inside the fence line of the Elm Street substation at 0200.',
    occurredFrom: '2026-03-01T02:00:00Z',
    location: { lat: 37.54, lon: -77.43, address: '100 Elm St, Richmond, VA' },
    markings: {
      tlp: 'GREEN',
      caveats: ['LES'],
      partnerShare: 'full',
      networkShare: 'none',
      releasableTo: [],
    },
    payload: {},
    observations: [
      {
        type: 'person',
        role: 'subject',
        attributes: { givenName: 'John', surname: 'Doe', dateOfBirth: '1980-02-03' },
      },
    ],
    ...overrides,
  };
}
