import type { ReactNode } from 'react';
import { ProblemAlert } from './ProblemAlert.tsx';
import { EmptyState, LoadingState } from './States.tsx';

/**
 * What a list shows before its content, in one order for every screen: loading, could not
 * load (with the problem's message), nothing to show; then the content for its items.
 */
export function ListStates<T>({
  query,
  items,
  loading,
  failed,
  empty,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown };
  items: readonly T[] | undefined;
  /** What is loading, for the spinner ("Loading sources…"). */
  loading: string;
  /** The title of the alert when it could not load. */
  failed: string;
  /** The empty state's title and, optionally, what the user can do. */
  empty: { title: string; body?: ReactNode };
  children: (items: readonly T[]) => ReactNode;
}) {
  if (query.isPending) return <LoadingState label={loading} />;
  if (query.isError) return <ProblemAlert error={query.error} title={failed} />;
  if (!items || items.length === 0)
    return <EmptyState title={empty.title}>{empty.body}</EmptyState>;
  return <>{children(items)}</>;
}
