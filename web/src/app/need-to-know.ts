import { useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { setStatedPurpose } from '../api/client.ts';
import type { Me } from './session.ts';

/**
 * The working session's stated need to know (a case number or justification, CI-07). Kept in
 * sessionStorage so a reload keeps it and closing the tab forgets it; cleared at sign-out.
 */
const KEY = 'watchfloor.purpose';
const listeners = new Set<() => void>();
let current: string | null = sessionStorage.getItem(KEY);
setStatedPurpose(current);

function store(purpose: string | null) {
  current = purpose;
  if (purpose) sessionStorage.setItem(KEY, purpose);
  else sessionStorage.removeItem(KEY);
  setStatedPurpose(purpose);
  for (const l of listeners) l();
}

/** Signing out forgets the purpose: the next user states their own. */
export function forgetStatedPurpose(): void {
  store(null);
}

/** Only users trained for criminal intelligence (LES and 28 CFR Part 23) may state one. */
export function mayStatePurpose(me: Me): boolean {
  return me.user.attributes.lawEnforcement && me.user.attributes.cfr23Trained;
}

export function useStatedPurpose(): [string | null, (purpose: string | null) => void] {
  const queryClient = useQueryClient();
  const purpose = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
  return [
    purpose,
    (next) => {
      store(next?.trim() || null);
      // Every screen reads again: what the user may see just changed.
      void queryClient.invalidateQueries();
    },
  ];
}
