import type { QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ConfirmButton } from './ConfirmButton.tsx';

/**
 * Suspend an active account or agency, or reinstate a suspended one (CI-16), after saying
 * what it does.
 */
export function SuspendButton({
  name,
  active,
  action,
  invalidate,
  children,
}: {
  name: string;
  active: boolean;
  action: () => Promise<unknown>;
  invalidate: QueryKey[];
  /** What suspending (or reinstating) does. */
  children: ReactNode;
}) {
  const verb = active ? 'Suspend' : 'Reinstate';
  return (
    <ConfirmButton
      label={verb}
      ariaLabel={`${verb} ${name}`}
      title={`${verb} ${name}?`}
      color={active ? 'red.9' : undefined}
      action={action}
      invalidate={invalidate}
    >
      {children}
    </ConfirmButton>
  );
}
