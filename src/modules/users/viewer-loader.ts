import { eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../../access/viewer.ts';
import { agencies } from '../agencies/agencies.table.ts';
import { sharingGroupMembers } from '../sharing-groups/sharing-groups.table.ts';
import { users } from './users.table.ts';

/**
 * Builds the viewer for a request from the database, never from the client: roles,
 * attributes, activity and sharing groups are read fresh, so a suspension or a role change
 * takes effect at the next request (CI-16).
 */
export async function loadViewer(
  db: Db,
  userId: string,
  purpose: string | null,
): Promise<Viewer | undefined> {
  const [row] = await db
    .select({ user: users, agency: agencies })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.id, userId));
  if (!row) return undefined;
  const groups = await db
    .selectDistinct({ groupId: sharingGroupMembers.groupId })
    .from(sharingGroupMembers)
    .where(
      or(eq(sharingGroupMembers.userId, userId), eq(sharingGroupMembers.agencyId, row.agency.id)),
    );
  return {
    kind: 'user',
    userId: row.user.id,
    username: row.user.username,
    agencyId: row.agency.id,
    agencyLevel: row.agency.level,
    agencyDiscipline: row.agency.discipline,
    roles: row.user.roles,
    attributes: row.user.attributes,
    sharingGroupIds: groups.map((g) => g.groupId),
    active: row.user.active,
    agencyActive: row.agency.active,
    purpose,
  };
}
