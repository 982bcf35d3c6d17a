import { eq } from 'drizzle-orm';
import type { Opened } from '../src/main.ts';
import { createApiToken } from '../src/modules/auth/auth.service.ts';
import { systemViewer } from '../src/modules/center/center.service.ts';
import { users } from '../src/modules/users/users.table.ts';

/** A day-long API token for a demo user, made through the service as an admin would. */
export async function tokenFor(opened: Opened, username: string): Promise<string> {
  const [user] = await opened.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username));
  if (!user) throw new Error(`demo user ${username} is missing`);
  const actor = {
    viewer: systemViewer(opened.center, 'benchmark'),
    clientIp: null,
    now: new Date(),
  };
  const created = await createApiToken(opened.database.db, actor, {
    userId: user.id,
    name: 'bench',
    expiresInDays: 1,
  });
  return created.token;
}
