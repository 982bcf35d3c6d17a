import { Button, Group, MultiSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useAgencies } from '../../lib/agencies.ts';
import { RECORD_KIND_LABELS, RECORD_STATUS_LABELS } from '../../lib/record-labels.ts';
import { useSarCodes } from '../../lib/use-sar-codes.ts';
import {
  dayToInstant,
  exclusiveToLastDay,
  instantToDay,
  lastDayToExclusive,
  listOf,
  withParam,
  type ListKey,
} from './search-query.ts';

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
const KIND_OPTIONS = options(RECORD_KIND_LABELS);
const STATUS_OPTIONS = options(RECORD_STATUS_LABELS);

type Props = {
  params: URLSearchParams;
  onChange: (next: URLSearchParams) => void;
};

/** The filters of a search; each change searches again at once. */
export function SearchFilters({ params, onChange }: Props) {
  const agencies = useAgencies();
  const codes = useSarCodes().data;
  const categoryOptions = (codes?.behaviours ?? []).map((b) => ({ value: b.code, label: b.name }));
  const sectorOptions = (codes?.targetSectors ?? []).map((s) => ({
    value: s.code,
    label: s.name ? `${s.name} (${s.code})` : s.code,
  }));
  const agencyOptions = (agencies.data ?? [])
    .map((a) => ({ value: a.id, label: a.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const list = (key: ListKey, label: string, data: { value: string; label: string }[]) => (
    <MultiSelect
      label={label}
      data={data}
      value={listOf(params, key)}
      onChange={(values) => {
        onChange(withParam(params, key, values));
      }}
      searchable
      clearable
      placeholder={listOf(params, key).length ? undefined : 'Any'}
      comboboxProps={{ withinPortal: true }}
    />
  );
  const filtered = [...params.keys()].some((k) => k !== 'q' && k !== 'sort' && k !== 'saved');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
      {list('kind', 'Kind', KIND_OPTIONS)}
      {list('agency', 'Agency', agencyOptions)}
      {list('category', 'Behaviour category', categoryOptions)}
      {list('sector', 'Target sector', sectorOptions)}
      {list('status', 'Status', STATUS_OPTIONS)}
      <TextInput
        type="date"
        label="Occurred from"
        value={instantToDay(params.get('from'))}
        onChange={(e) => {
          onChange(
            withParam(params, 'from', e.currentTarget.value && dayToInstant(e.currentTarget.value)),
          );
        }}
      />
      <TextInput
        type="date"
        label="Occurred until (inclusive)"
        value={exclusiveToLastDay(params.get('to'))}
        onChange={(e) => {
          onChange(
            withParam(
              params,
              'to',
              e.currentTarget.value && lastDayToExclusive(e.currentTarget.value),
            ),
          );
        }}
      />
      <Group align="flex-end">
        <Button
          variant="default"
          disabled={!filtered}
          onClick={() => {
            const q = params.get('q');
            onChange(new URLSearchParams(q ? { q } : {}));
          }}
        >
          Clear filters
        </Button>
      </Group>
    </SimpleGrid>
  );
}
