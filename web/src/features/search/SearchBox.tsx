import { Button, Group, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type SubmitEvent } from 'react';
import { withParam } from './search-query.ts';

type Props = {
  params: URLSearchParams;
  onChange: (next: URLSearchParams) => void;
  /** Shown only to users who may read criminal intelligence (LES and 28 CFR Part 23 trained). */
  mayStatePurpose: boolean;
  purpose: string;
  onPurpose: (purpose: string) => void;
};

const SORTS = [
  { value: 'relevance', label: 'Best match' },
  { value: 'date', label: 'Newest' },
];

/** The words, names or identifiers to find, the order, and (for some) a stated purpose. */
export function SearchBox({ params, onChange, mayStatePurpose, purpose, onPurpose }: Props) {
  const [q, setQ] = useState(params.get('q') ?? '');
  const [why, setWhy] = useState(purpose);
  // Back/forward and a saved search change the address: the box follows it.
  useEffect(() => {
    setQ(params.get('q') ?? '');
  }, [params]);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    onPurpose(why.trim());
    onChange(withParam(params, 'q', q.trim()));
  };
  const sort = params.get('sort') ?? (params.get('q') ? 'relevance' : 'date');
  return (
    <form onSubmit={submit} role="search" aria-label="Records">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label="Words, names or identifiers"
          placeholder='e.g. drone substation, "metal detector", XKR-4471, Jon Smyth'
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
          }}
          maxLength={500}
          style={{ flex: '1 1 320px' }}
        />
        {mayStatePurpose ? (
          <TextInput
            label="Purpose (need to know)"
            description="Stated, criminal intelligence is included (CI-07)"
            placeholder="case number or justification"
            value={why}
            onChange={(e) => {
              setWhy(e.currentTarget.value);
            }}
            maxLength={500}
            style={{ flex: '1 1 220px' }}
          />
        ) : null}
        <Button type="submit">Search</Button>
      </Group>
      <Group gap="xs" mt="xs">
        <Text size="sm" id="sort-label">
          Order
        </Text>
        <SegmentedControl
          size="xs"
          aria-labelledby="sort-label"
          data={SORTS}
          value={sort}
          onChange={(value) => {
            onChange(withParam(params, 'sort', value));
          }}
        />
      </Group>
    </form>
  );
}
