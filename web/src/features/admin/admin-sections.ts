import type { Permission } from '../../app/session.ts';

export type AdminSection = {
  path: string;
  label: string;
  /** The section is listed and opens when the user holds any of these rights. */
  rights: readonly Permission[];
};

/** The administration screen's sections, each for the rights that act in it. */
export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { path: 'users', label: 'Users', rights: ['users:admin', 'accounts:suspend', 'users:read'] },
  { path: 'agencies', label: 'Agencies', rights: ['agencies:admin', 'accounts:suspend'] },
  { path: 'sharing-groups', label: 'Sharing groups', rights: ['sharing-groups:admin'] },
  { path: 'sources', label: 'Sources', rights: ['sources:admin'] },
];
