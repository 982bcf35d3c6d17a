/**
 * Test-only tools for the audit tampering suite: build a chain through the real
 * `appendAudit`, and tamper with it the way an attacker holding table-owner rights would,
 * by switching the append-only triggers off for one transaction.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { personas } from '../../access/visibility.test-helpers.ts';
import { newId } from '../../shared/ids.ts';
import { appendAudit, type AuditActor, type AuditEvent } from './audit.service.ts';

/**
 * Runs `statements` with the user triggers of both audit tables disabled, inside one
 * transaction: DDL is transactional, so the triggers are back on at commit and no other
 * connection ever sees them off.
 */
export async function asTableOwner(db: Db, ...statements: SQL[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger user`);
    await tx.execute(sql`alter table audit_chain_head disable trigger user`);
    for (const statement of statements) await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger user`);
    await tx.execute(sql`alter table audit_chain_head enable trigger user`);
  });
}

/** Empties the log and its head, so each test starts from the genesis of its own chain. */
export function resetChain(db: Db): Promise<void> {
  return asTableOwner(db, sql`delete from audit_log`, sql`delete from audit_chain_head`);
}

const AGENCY = newId();

/** One of three kinds of actor: a signed-in analyst, a failed login, a system job. */
export function sampleActor(n: number, now: Date): AuditActor {
  switch (n % 3) {
    case 0:
      return {
        viewer: personas.intelAnalyst(AGENCY, { purpose: 'case 24-0117' }),
        clientIp: '10.0.0.7',
        now,
      };
    case 1:
      return { viewer: null, username: 'mallory', clientIp: '203.0.113.9', now };
    default:
      return { viewer: personas.system({ systemReason: 'purge job' }), clientIp: null, now };
  }
}

/** A varied event: every column class is filled on some rows and empty on others. */
export function sampleEvent(i: number): AuditEvent {
  return {
    action: ['records.view', 'records.search', 'auth.login_failed', 'records.purge'][i % 4] ?? 'x',
    objectType: i % 3 === 0 ? undefined : 'record',
    objectIds: i % 5 === 0 ? [] : [newId(), newId()].slice(0, 1 + (i % 2)),
    decision: i % 7 === 0 ? 'deny' : 'allow',
    reason: i % 4 === 2 ? 'CI-07: no stated purpose' : undefined,
    details: i % 2 === 0 ? {} : { query: { text: `bridge ${i}`, filters: ['sar', i] }, hits: i },
  };
}

/**
 * Appends `sizes.length` transactions, the n-th carrying `sizes[n]` events, each from one
 * of a few actors, with the clock moving on between transactions. Returns the row count.
 */
export async function appendChain(db: Db, sizes: readonly number[]): Promise<number> {
  let i = 0;
  const start = Date.parse('2025-03-01T08:00:00.000Z');
  for (const [n, size] of sizes.entries()) {
    const actor = sampleActor(n, new Date(start + n * 61_001));
    const events = Array.from({ length: size }, () => sampleEvent(i++));
    await db.transaction((tx) => appendAudit(tx, actor, events));
  }
  return i;
}

/**
 * One SQL assignment per column that always changes the stored value: what an attacker
 * would write to alter a single fact of a row without recomputing any hash.
 */
export const COLUMN_EDITS = {
  action: sql`action = action || ' (edited)'`,
  object_type: sql`object_type = coalesce(object_type, '') || 'edited'`,
  object_ids: sql`object_ids = array_append(object_ids, 'forged')`,
  details: sql`details = details || '{"forged": true}'::jsonb`,
  at: sql`at = at + interval '1 millisecond'`,
  actor_user_id: sql`actor_user_id = gen_random_uuid()`,
  actor_username: sql`actor_username = coalesce(actor_username, '') || 'x'`,
  actor_agency_id: sql`actor_agency_id = gen_random_uuid()`,
  decision: sql`decision = case decision when 'allow' then 'deny' else 'allow' end`,
  purpose: sql`purpose = coalesce(purpose, '') || 'x'`,
  reason: sql`reason = coalesce(reason, '') || 'x'`,
  client_ip: sql`client_ip = coalesce(client_ip, '') || '1'`,
  id: sql`id = gen_random_uuid()`,
} as const;
export type EditedColumn = keyof typeof COLUMN_EDITS;
export const EDITED_COLUMNS = Object.keys(COLUMN_EDITS) as EditedColumn[];

export const editColumn = (column: EditedColumn, seq: number) =>
  sql`update audit_log set ${COLUMN_EDITS[column]} where seq = ${seq}`;

export const rewriteHash = (seq: number) =>
  sql`update audit_log set hash = md5(hash) || md5(hash || 'x') where seq = ${seq}`;

export const deleteRows = (fromSeq: number, toSeq = fromSeq) =>
  sql`delete from audit_log where seq between ${fromSeq} and ${toSeq}`;

/** Swaps two rows' places in the chain (seq is the primary key, hence the detour). */
export const swapSeq = (a: number, b: number) => [
  sql`update audit_log set seq = -1 where seq = ${a}`,
  sql`update audit_log set seq = ${a} where seq = ${b}`,
  sql`update audit_log set seq = ${b} where seq = -1`,
];

export const renumber = (from: number, to: number) =>
  sql`update audit_log set seq = ${to} where seq = ${from}`;
