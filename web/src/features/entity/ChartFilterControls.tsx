import { Group, MultiSelect, NumberInput, Select, Switch } from '@mantine/core';
import { OBSERVATION_TYPE_LABELS, RECORD_KIND_LABELS } from '../../lib/record-labels.ts';
import type { ChartFilters } from './graph-api.ts';

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
const TYPE_OPTIONS = options(OBSERVATION_TYPE_LABELS);
const KIND_OPTIONS = options(RECORD_KIND_LABELS);
const HOP_OPTIONS = ['1', '2', '3'].map((h) => ({
  value: h,
  label: `${h} hop${h === '1' ? '' : 's'}`,
}));

/** What the chart shows: every expansion, the communities and paths use the same filters. */
export function ChartFilterControls({
  filters,
  onChange,
}: {
  filters: ChartFilters;
  onChange: (next: ChartFilters) => void;
}) {
  const set = (patch: Partial<ChartFilters>) => {
    onChange({ ...filters, ...patch });
  };
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label="Reach from the entity"
        data={HOP_OPTIONS}
        value={String(filters.hops)}
        onChange={(v) => {
          set({ hops: Number(v ?? 2) as ChartFilters['hops'] });
        }}
        allowDeselect={false}
        w={150}
      />
      <MultiSelect
        label="Entity types"
        placeholder={filters.entityTypes.length ? undefined : 'All types'}
        data={TYPE_OPTIONS}
        value={filters.entityTypes}
        onChange={(v) => {
          set({ entityTypes: v });
        }}
        clearable
        w={240}
      />
      <MultiSelect
        label="Record kinds"
        placeholder={filters.recordKinds.length ? undefined : 'All kinds'}
        data={KIND_OPTIONS}
        value={filters.recordKinds}
        onChange={(v) => {
          set({ recordKinds: v });
        }}
        clearable
        w={240}
      />
      <NumberInput
        label="Min. shared records"
        description="to link two entities"
        min={1}
        max={100}
        value={filters.minWeight}
        onChange={(v) => {
          set({ minWeight: typeof v === 'number' && v >= 1 ? Math.floor(v) : 1 });
        }}
        w={170}
      />
      <Switch
        label="Show records"
        checked={filters.includeRecords}
        onChange={(e) => {
          set({ includeRecords: e.currentTarget.checked });
        }}
        mb={8}
      />
    </Group>
  );
}
