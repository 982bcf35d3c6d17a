import {
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { LoadingState } from '../../components/States.tsx';
import { useCursorPages } from '../../lib/cursor-pages.ts';
import { fieldErrors } from '../../lib/field-errors.ts';
import { fromSavedQuery, toSavedQuery } from './search-query.ts';

type SavedSearch = components['schemas']['SavedSearch'];
const SAVED_KEY = ['search', 'saved'] as const;

/** Saves the search in the address under a name, optionally for the whole agency. */
export function SaveSearchButton({ params }: { params: URLSearchParams }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/search/saved', {
          body: { name: name.trim(), sharedWithAgency: shared, query: toSavedQuery(params) },
        }),
      ),
    onSuccess: async () => {
      setOpen(false);
      setName('');
      await queryClient.invalidateQueries({ queryKey: SAVED_KEY });
    },
  });
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const errors = fieldErrors(save.error);
  return (
    <>
      <Button
        variant="default"
        onClick={() => {
          setOpen(true);
        }}
      >
        Save this search
      </Button>
      <Modal
        opened={open}
        onClose={() => {
          setOpen(false);
        }}
        title="Save this search"
      >
        <form onSubmit={submit}>
          <Stack gap="sm">
            <TextInput
              label="Name"
              required
              maxLength={200}
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
              }}
              error={errors['name']}
              data-autofocus
            />
            <Checkbox
              label="Share with my agency (every colleague can run it)"
              checked={shared}
              onChange={(e) => {
                setShared(e.currentTarget.checked);
              }}
            />
            <Text size="xs" c="dimmed">
              A saved search keeps the question, not the answers: running it again searches the data
              as it is then, as whoever runs it may see it.
            </Text>
            {save.isError && !errors['name'] ? <ProblemAlert error={save.error} /> : null}
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** Your saved searches and those your colleagues shared with the agency: run again, or delete yours. */
export function SavedSearchList({ onRun }: { onRun: (params: URLSearchParams) => void }) {
  const saved = useCursorPages([...SAVED_KEY], (cursor) =>
    unwrap(api.GET('/api/v1/search/saved', { params: { query: { cursor, limit: 20 } } })),
  );
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/search/saved/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SAVED_KEY }),
  });
  const run = (s: SavedSearch) => {
    const params = fromSavedQuery(s.query);
    params.set('saved', s.id);
    onRun(params);
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="saved-searches-title">
      <Title order={2} size="h5" id="saved-searches-title">
        Saved searches
      </Title>
      {saved.isPending ? <LoadingState label="Loading saved searches…" /> : null}
      {saved.isError ? <ProblemAlert error={saved.error} /> : null}
      {remove.isError ? <ProblemAlert error={remove.error} title="Could not delete" /> : null}
      {saved.isSuccess && saved.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          None yet. Search, then “Save this search”.
        </Text>
      ) : null}
      {saved.items.map((s) => (
        <Paper key={s.id} withBorder p="xs" data-testid="saved-search">
          <Stack gap={4}>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {s.name}
            </Text>
            <Text size="xs" c="dimmed">
              {s.isMine ? 'Yours' : `By ${s.owner.username}`}
              {s.sharedWithAgency ? ' · shared with the agency' : ''}
            </Text>
            <Group gap={4}>
              <Button
                size="xs"
                variant="light"
                onClick={() => {
                  run(s);
                }}
                aria-label={`Run ${s.name}`}
              >
                Run
              </Button>
              {s.isMine ? (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red.9"
                  loading={remove.isPending && remove.variables === s.id}
                  onClick={() => {
                    remove.mutate(s.id);
                  }}
                  aria-label={`Delete ${s.name}`}
                >
                  Delete
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Paper>
      ))}
      {saved.items.length > 0 ? (
        <LoadMoreButton
          shown={saved.items.length}
          noun="saved searches"
          hasNextPage={saved.hasNextPage}
          isFetchingNextPage={saved.isFetchingNextPage}
          fetchNextPage={saved.fetchNextPage}
        />
      ) : null}
    </Stack>
  );
}
