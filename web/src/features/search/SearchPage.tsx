import { Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  AggregateMarkingBanner,
  markingOfRecords,
} from '../../components/AggregateMarkingBanner.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { EmptyState, LoadingState } from '../../components/States.tsx';
import { useMe } from '../../app/session.ts';
import { SaveSearchButton, SavedSearchList } from './SavedSearches.tsx';
import { SearchBox } from './SearchBox.tsx';
import { SearchFacets } from './SearchFacets.tsx';
import { SearchFilters } from './SearchFilters.tsx';
import { SearchMap } from './SearchMap.tsx';
import { SearchPointers } from './SearchPointers.tsx';
import { SearchResults } from './SearchResults.tsx';
import { hasSearch } from './search-query.ts';
import { useSearch } from './use-search.ts';
import classes from './search.module.css';

/** Search: words, names and identifiers with filters and facets, results beside a map; saved searches. */
export function SearchPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [purpose, setPurpose] = useState('');
  const search = useSearch(params, purpose);
  const { lawEnforcement, cfr23Trained } = me.user.attributes;
  const searching = hasSearch(params) || params.has('saved');
  // The facets and the results show protected data: one banner above and below both, with the
  // highest marking of the results shown.
  const marking = markingOfRecords(
    search.hits.map((h) => ({
      ...h.markings,
      ownerAgencyId: h.ownerAgency.id,
      ownerAgencyName: h.ownerAgency.name,
    })),
    me.agency.id,
  );
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Search</Title>
        {searching ? <SaveSearchButton params={params} /> : null}
      </Group>
      <SearchBox
        params={params}
        onChange={setParams}
        mayStatePurpose={lawEnforcement && cfr23Trained}
        purpose={purpose}
        onPurpose={setPurpose}
      />
      <SearchFilters params={params} onChange={setParams} />
      <AggregateMarkingBanner marking={marking} position="top" />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack gap="lg">
            {search.facets ? (
              <SearchFacets facets={search.facets} params={params} onChange={setParams} />
            ) : null}
            <SavedSearchList onRun={setParams} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {!searching ? (
            <EmptyState title="Search the records you may see">
              Type words, a name, a plate or a phone number, or pick a filter. Results, their facets
              and their map count only what your rights let you see.
            </EmptyState>
          ) : search.isPending ? (
            <LoadingState label="Searching…" />
          ) : search.isError ? (
            <ProblemAlert error={search.error} title="The search failed" />
          ) : (
            <Results search={search} purpose={purpose} params={params} onChange={setParams} />
          )}
        </Grid.Col>
      </Grid>
      <AggregateMarkingBanner marking={marking} position="bottom" />
    </Stack>
  );
}

function Results({
  search,
  purpose,
  params,
  onChange,
}: {
  search: ReturnType<typeof useSearch>;
  purpose: string;
  params: URLSearchParams;
  onChange: (next: URLSearchParams) => void;
}) {
  const { hits, total } = search;
  if (hits.length === 0) {
    return (
      <Stack>
        <SearchPointers pointers={search.pointers} />
        <EmptyState title="No records match">
          Nothing you may see matches. Try other words, fewer filters or another period.
        </EmptyState>
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Text fw={600} aria-live="polite" data-testid="search-total">
        {total
          ? `${total.count.toLocaleString()}${total.capped ? '+' : ''} ${total.count === 1 ? 'record' : 'records'}`
          : null}
        {params.has('saved') ? ' · a saved search, run on the data as you may see it now' : ''}
      </Text>
      <SearchPointers pointers={search.pointers} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <SearchResults
            hits={hits}
            purpose={purpose}
            hasNextPage={search.hasNextPage}
            isFetchingNextPage={search.isFetchingNextPage}
            fetchNextPage={search.fetchNextPage}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <div className={classes.mapColumn}>
            <SearchMap hits={hits} params={params} onChange={onChange} />
          </div>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
