/**
 * The center module owns this instance's identity: its id, name, Ed25519 signing keys (for
 * federation later), its host agency and the system account that CLI and jobs act as.
 * It does not own agencies or users beyond creating those two at first start.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { newId } from '../../shared/ids.ts';
import type { Viewer } from '../../access/viewer.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { agencies } from '../agencies/agencies.table.ts';
import { users } from '../users/users.table.ts';
import { center } from './center.table.ts';

export type CenterInfo = Readonly<{
  id: string;
  name: string;
  hostAgencyId: string;
  systemUserId: string;
  publicKeyPem: string;
}>;

export const SYSTEM_USERNAME = 'system';

/** Returns this center, creating it (with host agency and system account) on first start. */
export async function ensureCenter(db: Db, name: string): Promise<CenterInfo> {
  const existing = await findCenter(db);
  if (existing) return existing;
  return db.transaction(async (tx) => {
    const id = newId();
    const hostAgencyId = newId();
    const systemUserId = newId();
    const keys = generateKeyPairSync('ed25519');
    await tx.insert(agencies).values({
      id: hostAgencyId,
      originCenterId: id,
      name,
      discipline: 'fusion_center',
      level: 'state',
    });
    await tx.insert(users).values({
      id: systemUserId,
      originCenterId: id,
      agencyId: hostAgencyId,
      username: SYSTEM_USERNAME,
      displayName: 'Watchfloor system (CLI and jobs)',
      roles: ['admin', 'auditor'],
      attributes: allAttributes(),
      passwordHash: null,
    });
    const info = {
      id,
      name,
      hostAgencyId,
      systemUserId,
      publicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
    const privateKeyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await tx.insert(center).values({ ...info, privateKeyPem });
    const now = new Date();
    await appendAudit(tx, { viewer: systemViewer(info, 'first start'), clientIp: null, now }, [
      { action: 'center.initialize', objectType: 'center', objectIds: [id], details: { name } },
    ]);
    return info;
  });
}

export async function findCenter(db: Db): Promise<CenterInfo | undefined> {
  const [row] = await db
    .select({
      id: center.id,
      name: center.name,
      hostAgencyId: center.hostAgencyId,
      systemUserId: center.systemUserId,
      publicKeyPem: center.publicKeyPem,
    })
    .from(center)
    .limit(1);
  if (!row?.hostAgencyId || !row.systemUserId) return undefined;
  return { ...row, hostAgencyId: row.hostAgencyId, systemUserId: row.systemUserId };
}

function allAttributes() {
  return {
    lawEnforcement: true,
    cfr23Trained: true,
    piiAccess: true,
    healthAccess: true,
    nsiTrainedAnalyst: null,
  };
}

/**
 * The viewer for work that is not a person's request (CLI without a server, jobs, demo
 * seeding). It bypasses the visibility rule; its reason is written to every audit row.
 */
export function systemViewer(c: CenterInfo, reason: string): Viewer {
  return {
    kind: 'system',
    userId: c.systemUserId,
    username: SYSTEM_USERNAME,
    agencyId: c.hostAgencyId,
    agencyLevel: 'state',
    agencyDiscipline: 'fusion_center',
    roles: ['admin', 'auditor'],
    attributes: allAttributes(),
    sharingGroupIds: [],
    active: true,
    agencyActive: true,
    purpose: null,
    systemReason: reason,
  };
}

export async function getCenterSettings(db: Db): Promise<Record<string, unknown>> {
  const [row] = await db.select({ settings: center.settings }).from(center).limit(1);
  return row?.settings ?? {};
}

/** Renames the center and merges settings, audited as an admin action. */
export async function updateCenter(
  db: Db,
  viewer: Viewer,
  change: { name?: string; settings?: Record<string, unknown> },
) {
  await db.transaction(async (tx) => {
    const current = await getCenterSettings(tx);
    const [row] = await tx
      .update(center)
      .set({
        ...(change.name ? { name: change.name } : {}),
        settings: { ...current, ...change.settings },
      })
      .returning({ id: center.id });
    await appendAudit(tx, { viewer, clientIp: null, now: new Date() }, [
      {
        action: 'center.update',
        objectType: 'center',
        objectIds: row ? [row.id] : [],
        details: change,
      },
    ]);
  });
}
