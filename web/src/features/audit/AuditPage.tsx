import { Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { EmptyState, LoadingState } from '../../components/States.tsx';
import { fieldErrors } from '../../lib/field-errors.ts';
import { FILTER_KEYS, useAuditLog, type AuditFilter } from './audit-api.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';
import { ChainVerification } from './ChainVerification.tsx';

/**
 * The audit log for auditors and the privacy officer: who did what to which object, allowed or
 * denied, filterable, newest first; and the hash chain's verification. The filter lives in the
 * address, so a view can be bookmarked or passed on.
 */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const log = useAuditLog(filter);
  const apply = (next: AuditFilter) => {
    const p = new URLSearchParams();
    for (const k of FILTER_KEYS) if (next[k]) p.set(k, next[k]);
    setParams(p);
  };
  const errors = { ...fieldErrors(log.error, 'querystring.'), ...fieldErrors(log.error, '') };
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Audit</Title>
        <Text c="dimmed">
          Every read, change, export and refusal, chained so that no event can be altered or removed
          unseen. Reading the log is itself audited.
        </Text>
      </div>
      <ChainVerification />
      <AuditFilters key={params.toString()} value={filter} onApply={apply} errors={errors} />
      <section aria-label="Audit events">
        {log.isPending ? (
          <LoadingState label="Loading the audit log…" />
        ) : log.isError ? (
          <ProblemAlert error={log.error} title="Could not read the audit log" />
        ) : log.items.length === 0 ? (
          <EmptyState title="No events match this filter">
            Widen the date range or clear a field.
          </EmptyState>
        ) : (
          <>
            <AuditTable
              events={log.items}
              onFilter={(change) => {
                apply({ ...filter, ...change });
              }}
            />
            <LoadMoreButton {...log} shown={log.items.length} noun="events" />
          </>
        )}
      </section>
    </Stack>
  );
}

function filterOf(params: URLSearchParams): AuditFilter {
  const decision = params.get('decision');
  return {
    actor: params.get('actor') ?? '',
    action: params.get('action') ?? '',
    objectId: params.get('objectId') ?? '',
    decision: decision === 'allow' || decision === 'deny' ? decision : '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}
