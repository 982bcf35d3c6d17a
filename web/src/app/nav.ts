import type { Permission } from './session.ts';

export type NavItem = {
  path: string;
  label: string;
  /** Shown when the user holds any of these rights. */
  rights: readonly Permission[];
};

/** The workspace's screens, in the order the navigation lists them. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/inbox', label: 'Inbox', rights: ['records:read'] },
  { path: '/search', label: 'Search', rights: ['records:read'] },
  { path: '/map', label: 'Map', rights: ['records:read'] },
  { path: '/trends', label: 'Trends', rights: ['records:read'] },
  { path: '/hits', label: 'Hits', rights: ['records:read'] },
  { path: '/ingest', label: 'Ingest', rights: ['ingest:write'] },
  { path: '/sar', label: 'SAR', rights: ['records:write'] },
  {
    path: '/admin',
    label: 'Admin',
    rights: [
      'agencies:admin',
      'users:admin',
      'accounts:suspend',
      'sharing-groups:admin',
      'sources:admin',
      'sites:admin',
    ],
  },
  { path: '/audit', label: 'Audit', rights: ['audit:read'] },
];

export function visibleNavItems(can: (right: Permission) => boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => item.rights.some(can));
}
