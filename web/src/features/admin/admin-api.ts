import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components, paths } from '../../api/schema';
import { fetchAllPages } from '../../lib/cursor-pages.ts';

export type Agency = components['schemas']['Agency'];
export type User = components['schemas']['User'];
export type CreatedUser = components['schemas']['CreatedUser'];
export type SharingGroup = components['schemas']['SharingGroup'];
export type Source = components['schemas']['Source'];
export type Role = User['roles'][number];
export type Markings = Source['defaultMarkings'];

type JsonBody<P extends keyof paths, M extends 'post' | 'patch'> = paths[P] extends {
  [K in M]: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;
export type CreateAgencyBody = JsonBody<'/api/v1/agencies', 'post'>;
export type UpdateAgencyBody = JsonBody<'/api/v1/agencies/{id}', 'patch'>;
export type CreateUserBody = JsonBody<'/api/v1/users', 'post'>;
export type UpdateUserBody = JsonBody<'/api/v1/users/{id}', 'patch'>;
export type SharingGroupBody = JsonBody<'/api/v1/sharing-groups', 'post'>;
export type CreateSourceBody = JsonBody<'/api/v1/sources', 'post'>;
export type UpdateSourceBody = JsonBody<'/api/v1/sources/{id}', 'patch'>;

/**
 * The account the CLI and background jobs act as: the API refuses to change it, so the
 * screen offers no action on it. Its username is reserved at the center's first start.
 */
export const isSystemAccount = (u: User) => u.username === 'system';

/** Every sharing group (a handful): for the groups list and for "releasable to". */
export function useSharingGroups() {
  return useQuery({
    queryKey: ['sharing-groups', 'all'],
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(api.GET('/api/v1/sharing-groups', { params: { query: { cursor, limit: 500 } } })),
      ),
  });
}

/** Every user, for choosing a sharing group's members by name. */
export function useAllUsers(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'all'],
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(api.GET('/api/v1/users', { params: { query: { cursor, limit: 500 } } })),
      ),
    enabled,
  });
}

/**
 * A change made from the admin screen: on success the lists it touches are read again and
 * `onDone` runs (closes the form).
 */
export function useAdminChange<I, O>(
  mutationFn: (input: I) => Promise<O>,
  invalidate: QueryKey[],
  onDone?: (result: O) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result) => {
      await Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      onDone?.(result);
    },
  });
}
