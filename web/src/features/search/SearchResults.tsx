import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { MarkingLabel } from '../../components/MarkingLabel.tsx';
import { RecordLink } from '../../components/RecordLink.tsx';
import { kindLabel, statusLabel } from '../../lib/record-labels.ts';
import { Snippet } from './Snippet.tsx';
import type { SearchHit } from './use-search.ts';

type Props = {
  hits: SearchHit[];
  purpose: string;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

const day = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** The hits in order, each a link to its record, with "More" for the next page. */
export function SearchResults({
  hits,
  purpose,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
}: Props) {
  return (
    <Stack gap="xs">
      <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Results">
        {hits.map((h) => (
          <Paper
            key={h.id}
            component="li"
            withBorder
            p="sm"
            data-testid="search-hit"
            data-record-id={h.id}
            data-kind={h.kind}
            data-agency-id={h.ownerAgency.id}
            data-caveats={h.markings.caveats.join(' ')}
          >
            <Stack gap={4}>
              <Text fw={600}>
                <RecordLink id={h.id} purpose={purpose || undefined}>
                  {h.title}
                </RecordLink>
              </Text>
              <Group gap="xs" wrap="wrap">
                <Badge variant="light" color="dark" radius="sm">
                  {kindLabel(h.kind)}
                </Badge>
                <MarkingLabel markings={h.markings} />
                <Text size="xs" c="dimmed">
                  {h.ownerAgency.name} · {day(h.occurredFrom ?? h.enteredAt)} ·{' '}
                  {statusLabel(h.status)}
                </Text>
              </Group>
              {h.snippet ? <Snippet snippet={h.snippet} /> : null}
              {h.matchedOn.includes('names') ? (
                <Text size="xs" c="dimmed">
                  Matched a name or identifier in this record
                </Text>
              ) : null}
            </Stack>
          </Paper>
        ))}
      </Stack>
      <LoadMoreButton
        shown={hits.length}
        noun="results"
        hasNextPage={hasNextPage}
        isFetchingNextPage={isFetchingNextPage}
        fetchNextPage={fetchNextPage}
      />
    </Stack>
  );
}
