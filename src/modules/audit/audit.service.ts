/**
 * The audit module owns the append-only, hash-chained audit log (X-01, CI-08). It appends
 * events inside the caller's transaction and verifies the chain. It does not decide what is
 * audited: every module appends its own events where it acts.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { newId } from '../../shared/ids.ts';
import type { Viewer } from '../../access/viewer.ts';
import { auditChainHead, auditLog } from './audit.table.ts';

export const GENESIS_HASH = '0'.repeat(64);
/** Serialises appends so each row chains to the one committed before it. */
const CHAIN_LOCK_KEY = 7_243_001;
const INSERT_CHUNK = 2000;

export type AuditActor = {
  viewer: Viewer | null;
  /** For events without a signed-in viewer (a failed login names the attempted account). */
  username?: string | null;
  clientIp: string | null;
  now: Date;
};

export type AuditEvent = {
  action: string;
  objectType?: string;
  objectIds?: readonly string[];
  decision?: 'allow' | 'deny';
  reason?: string;
  details?: Record<string, unknown>;
};

type AuditRow = typeof auditLog.$inferSelect;

/**
 * Append events to the chain. Must run inside the transaction of the action it records, at
 * READ COMMITTED (the default): the tail is read after the lock is taken.
 */
export async function appendAudit(tx: Tx, actor: AuditActor, events: readonly AuditEvent[]) {
  if (events.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`);
  const [tail] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  let seq = tail?.seq ?? 0;
  let prevHash = tail?.hash ?? GENESIS_HASH;
  const rows: AuditRow[] = events.map((e) => {
    const row = toRow(actor, e, ++seq, prevHash);
    prevHash = row.hash;
    return row;
  });
  // Chunked: 16 columns a row must stay under PostgreSQL's 65,535 bind parameters.
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx.insert(auditLog).values(rows.slice(i, i + INSERT_CHUNK));
  }
  await tx
    .insert(auditChainHead)
    .values({ id: 1, seq, hash: prevHash })
    .onConflictDoUpdate({ target: auditChainHead.id, set: { seq, hash: prevHash } });
}

function toRow(actor: AuditActor, e: AuditEvent, seq: number, prevHash: string): AuditRow {
  const v = actor.viewer;
  const unhashed = {
    seq,
    id: newId(),
    at: actor.now,
    actorUserId: v?.userId ?? null,
    actorUsername: nullableText(v ? v.username : (actor.username ?? null)),
    actorAgencyId: v?.agencyId ?? null,
    action: cleanText(e.action),
    objectType: e.objectType ?? null,
    objectIds: (e.objectIds ?? []).map(cleanText),
    decision: e.decision ?? 'allow',
    purpose: nullableText(v?.purpose ?? v?.systemReason ?? null),
    reason: nullableText(e.reason ?? null),
    details: cleanJson(e.details ?? {}) as Record<string, unknown>,
    clientIp: actor.clientIp,
    prevHash,
  };
  return { ...unhashed, hash: hashRow(unhashed) };
}

/*
 * User input reaches audit rows (search terms, attempted usernames). PostgreSQL text cannot
 * hold NUL and JSON canonicalisation rejects lone surrogates; either would make the audited
 * action fail. Both are replaced with U+FFFD, and objects are copied into plain ones.
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const cleanText = (s: string) => s.replace(UNSTORABLE, '\uFFFD');
const nullableText = (s: string | null) => (s === null ? null : cleanText(s));

function cleanJson(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanJson);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanJson(v)]));
  }
  return value;
}

/** SHA-256 over the RFC 8785 canonical JSON of every column but the hash itself. */
export function hashRow(row: Omit<AuditRow, 'hash'>): string {
  const canonical = canonicalize({ ...row, at: row.at.toISOString() });
  if (canonical === undefined) throw new Error('audit row cannot be serialised');
  return createHash('sha256').update(canonical).digest('hex');
}

export type VerifyResult =
  | { ok: true; checked: number; head: { seq: number; hash: string } }
  | { ok: false; checked: number; firstBroken: { seq: number; problem: string } };

/** Walk the whole chain in order and name the first row that does not hold. */
export async function verifyAuditChain(
  db: Db,
  onProgress?: (checked: number) => void,
): Promise<VerifyResult> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(5000);
    for (const row of rows) {
      const problem = checkRow(row, expectedSeq, prevHash);
      if (problem) return { ok: false, checked: expectedSeq - 1, firstBroken: problem };
      prevHash = row.hash;
      expectedSeq++;
    }
    onProgress?.(expectedSeq - 1);
    if (rows.length < 5000) return checkHead(db, expectedSeq - 1, prevHash);
  }
}

async function checkHead(db: Db, lastSeq: number, lastHash: string): Promise<VerifyResult> {
  const [head] = await db.select().from(auditChainHead);
  const recorded = head ?? { seq: 0, hash: GENESIS_HASH };
  if (recorded.seq > lastSeq) {
    const problem = `the chain ends at row ${lastSeq} but its recorded head is row ${recorded.seq}: rows were removed from the end`;
    return { ok: false, checked: lastSeq, firstBroken: { seq: lastSeq + 1, problem } };
  }
  if (recorded.seq < lastSeq) {
    const problem = `row ${recorded.seq + 1} and later were added outside the audit service (the head is row ${recorded.seq})`;
    return { ok: false, checked: recorded.seq, firstBroken: { seq: recorded.seq + 1, problem } };
  }
  if (recorded.hash !== lastHash) {
    return {
      ok: false,
      checked: lastSeq - 1,
      firstBroken: {
        seq: lastSeq,
        problem: 'the newest row does not match the recorded head (altered and re-hashed)',
      },
    };
  }
  return { ok: true, checked: lastSeq, head: { seq: lastSeq, hash: lastHash } };
}

function checkRow(row: AuditRow, expectedSeq: number, prevHash: string) {
  if (row.seq !== expectedSeq) {
    return { seq: expectedSeq, problem: `row ${expectedSeq} is missing (next is ${row.seq})` };
  }
  if (row.prevHash !== prevHash) {
    return { seq: row.seq, problem: 'does not chain to the row before it (deleted or reordered)' };
  }
  const { hash, ...rest } = row;
  if (hashRow(rest) !== hash) return { seq: row.seq, problem: 'content was altered' };
  return undefined;
}
