import { ROLES, type Role, type Viewer } from './viewer.ts';

/**
 * What each role may do. Roles grant actions; what content an action may touch is decided
 * separately by the visibility rule. Every route names one of these (or 'public').
 */
const everyone = ROLES;
const contentWriters: readonly Role[] = [
  'admin',
  'supervisor',
  'analyst',
  'sar_reviewer',
  'sar_analyst',
  'intel_reviewer',
  'watch_officer',
  'liaison',
];

export const PERMISSIONS = {
  authenticated: everyone,
  'records:read': everyone,
  'records:write': contentWriters,
  'entities:read': everyone,
  /** Confirm/reject possible associations, split and merge entities (CI-14, audited). */
  'entities:resolve': ['analyst', 'supervisor', 'sar_analyst', 'intel_reviewer'],
  /** Retrain the resolution model and re-resolve every observation. */
  'entities:admin-resolve': ['admin'],
  'agencies:read': everyone,
  'agencies:admin': ['admin'],
  'users:read': ['admin', 'privacy_officer', 'auditor', 'supervisor'],
  'users:admin': ['admin'],
  /** CI-16: the privacy officer (or an admin) suspends users and whole agencies. */
  'accounts:suspend': ['admin', 'privacy_officer'],
  'sharing-groups:read': everyone,
  'sharing-groups:admin': ['admin'],
  'audit:read': ['auditor', 'privacy_officer'],
  'sources:read': everyone,
  'sources:admin': ['admin', 'supervisor'],
  'ingest:write': contentWriters,
  /** Expand, paths, structure and export of the link graph (built from visible records only). */
  'graph:read': everyone,
  /** Create and delete explicit analyst links (audited). */
  'graph:link': contentWriters,
  /** Load and delete critical-infrastructure sites (geo). */
  'sites:admin': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
export type RouteAccess = Permission | 'public';

export function hasPermission(viewer: Viewer, permission: Permission): boolean {
  if (viewer.kind === 'system') return true;
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return viewer.roles.some((r) => allowed.includes(r));
}

export function isPermission(value: unknown): value is RouteAccess {
  return value === 'public' || (typeof value === 'string' && value in PERMISSIONS);
}
