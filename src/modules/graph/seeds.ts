/**
 * Where a graph starts: an entity (followed to the entity it was merged into) or a record,
 * either of which the viewer must be able to see. Otherwise the answer is the same 404 as for
 * a missing one, or 403 where criminal intelligence only lacks a stated purpose (CI-07); the
 * caller audits the denial.
 */
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../../access/viewer.ts';
import { needsStatedPurpose } from '../../access/policy.ts';
import type { AppError } from '../../shared/errors.ts';
import type { AuditEvent } from '../audit/audit.service.ts';
import { entityNotFound } from '../entities/entities.service.ts';
import { purposeRequired, recordNotFound } from '../records/records.errors.ts';
import { unsafeFindRecordMarking } from '../records/records.repository.ts';
import type { Repos } from './assemble.ts';
import type { Seed } from './expand.ts';

export type Denied = { denied: AppError; audit: AuditEvent };

function deny(action: string, objectType: string, id: string, reason: string, error: AppError) {
  return {
    denied: error,
    audit: { action, objectType, objectIds: [id], decision: 'deny' as const, reason },
  };
}

export async function entitySeed(repos: Repos, action: string, id: string): Promise<Seed | Denied> {
  const [found] = await repos.graph.visibleEntities([id]);
  return found
    ? { kind: 'entity', id: found.current }
    : deny(action, 'entity', id, 'not visible or missing', entityNotFound());
}

export async function recordSeed(
  db: Db,
  viewer: Viewer,
  repos: Repos,
  action: string,
  id: string,
): Promise<Seed | Denied> {
  const [found] = await repos.graph.recordNodes([id]);
  if (found) return { kind: 'record', id };
  const marking = await unsafeFindRecordMarking(db, id);
  return marking !== undefined && needsStatedPurpose(viewer, marking)
    ? deny(
        action,
        'record',
        id,
        'no stated purpose for criminal intelligence (CI-07)',
        purposeRequired(
          'Send the X-Purpose header with your need to know (a case number or justification)',
        ),
      )
    : deny(action, 'record', id, 'not visible or missing', recordNotFound());
}

export function isDenied(x: object): x is Denied {
  return 'denied' in x;
}
