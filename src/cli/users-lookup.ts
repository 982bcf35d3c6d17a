import { withQuery, type ApiClient } from './api-client.ts';

/** The fields of the API's User the CLI reads; JSON carries dates as strings. */
export type ApiUser = {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  roles: string[];
  active: boolean;
};

/** The user with this username, or undefined. */
export async function findUserByUsername(
  api: ApiClient,
  username: string,
): Promise<ApiUser | undefined> {
  const page = await api.request<{ items: ApiUser[] }>(
    'GET',
    withQuery('/users', { username: username.trim().toLowerCase(), limit: 1 }),
  );
  return page.items[0];
}
