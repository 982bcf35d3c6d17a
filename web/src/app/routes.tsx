import { lazy, type ComponentType } from 'react';
import { NAV_ITEMS } from './nav.ts';
import type { Permission } from './session.ts';

export type AppRoute = {
  /** react-router path, e.g. 'records/:id' */
  path: string;
  page: ComponentType;
  /** The page is reachable when the user holds any of these rights. */
  rights: readonly Permission[];
};

// Each screen is its own chunk, loaded when first opened: the sign-in and the shell stay small
// however heavy the map, chart and link-chart screens grow.
const page = (load: () => Promise<Record<string, ComponentType>>, name: string) =>
  lazy(async () => ({ default: (await load())[name]! }));

const rightsOf = (path: string): readonly Permission[] =>
  NAV_ITEMS.find((i) => i.path === path)?.rights ?? [];

/** Every screen of the signed-in workspace. Add a screen here (and to nav.ts if listed). */
export const APP_ROUTES: readonly AppRoute[] = [
  {
    path: 'inbox',
    page: page(() => import('../features/inbox/InboxPage.tsx'), 'InboxPage'),
    rights: rightsOf('/inbox'),
  },
  {
    path: 'search',
    page: page(() => import('../features/search/SearchPage.tsx'), 'SearchPage'),
    rights: rightsOf('/search'),
  },
  {
    path: 'records/:id',
    page: page(() => import('../features/record/RecordPage.tsx'), 'RecordPage'),
    rights: ['records:read'],
  },
  {
    path: 'map',
    page: page(() => import('../features/map/MapPage.tsx'), 'MapPage'),
    rights: rightsOf('/map'),
  },
  {
    path: 'trends',
    page: page(() => import('../features/trends/TrendsPage.tsx'), 'TrendsPage'),
    rights: rightsOf('/trends'),
  },
  {
    path: 'entities/:id',
    page: page(() => import('../features/entity/EntityPage.tsx'), 'EntityPage'),
    rights: ['entities:read'],
  },
  {
    path: 'hits',
    page: page(() => import('../features/hits/HitsPage.tsx'), 'HitsPage'),
    rights: rightsOf('/hits'),
  },
  {
    path: 'ingest/*',
    page: page(() => import('../features/ingest/IngestPage.tsx'), 'IngestPage'),
    rights: rightsOf('/ingest'),
  },
  {
    path: 'sar/*',
    page: page(() => import('../features/sar/SarPage.tsx'), 'SarPage'),
    rights: rightsOf('/sar'),
  },
  {
    path: 'admin/*',
    page: page(() => import('../features/admin/AdminPage.tsx'), 'AdminPage'),
    rights: rightsOf('/admin'),
  },
  {
    path: 'audit',
    page: page(() => import('../features/audit/AuditPage.tsx'), 'AuditPage'),
    rights: rightsOf('/audit'),
  },
];
