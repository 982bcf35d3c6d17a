import { Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { kindLabel } from '../../lib/record-labels.ts';
import { dayToInstant, listOf, withParam, type ListKey } from './search-query.ts';
import type { SearchFacets as Facets } from './use-search.ts';
import classes from './search.module.css';

type Bucket = Facets['kind'][number];
type Props = {
  facets: Facets;
  params: URLSearchParams;
  onChange: (next: URLSearchParams) => void;
};

/**
 * How the matches divide by kind, agency, behaviour, sector and month, counted over what the
 * viewer may see (the server's facets). A value is a toggle: pressing it filters by it.
 */
export function SearchFacets({ facets, params, onChange }: Props) {
  const toggle = (key: ListKey, value: string) => {
    const current = listOf(params, key);
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    onChange(withParam(params, key, next));
  };
  const list = (
    title: string,
    key: ListKey,
    buckets: Bucket[],
    label = (b: Bucket) => b.label ?? b.key,
  ) => (
    <FacetList
      title={title}
      buckets={buckets}
      label={label}
      isOn={(b) => listOf(params, key).includes(b.key)}
      onToggle={(b) => {
        toggle(key, b.key);
      }}
    />
  );
  const monthOn = (b: Bucket) => params.get('from') === dayToInstant(`${b.key}-01`);
  return (
    <Stack gap="md" component="nav" aria-label="Facets" data-testid="facets">
      {list('Kind', 'kind', facets.kind, (b) => kindLabel(b.key))}
      {list('Agency', 'agency', facets.agency)}
      {list('Behaviour category', 'category', facets.category)}
      {list('Target sector', 'sector', facets.sector)}
      <FacetList
        title="Month"
        buckets={[...facets.month].reverse()}
        label={(b) => b.key}
        isOn={monthOn}
        onToggle={(b) => {
          const on = monthOn(b);
          const next = withParam(params, 'from', on ? undefined : dayToInstant(`${b.key}-01`));
          onChange(withParam(next, 'to', on ? undefined : monthAfter(b.key)));
        }}
      />
    </Stack>
  );
}

/** `2024-05` → the first instant of June 2024. */
function monthAfter(month: string): string {
  const d = new Date(dayToInstant(`${month}-01`));
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString();
}

function FacetList({
  title,
  buckets,
  label,
  isOn,
  onToggle,
}: {
  title: string;
  buckets: Bucket[];
  label: (b: Bucket) => string;
  isOn: (b: Bucket) => boolean;
  onToggle: (b: Bucket) => void;
}) {
  if (buckets.length === 0) return null;
  return (
    <section aria-label={title}>
      <Title order={3} size="h6" mb={4}>
        {title}
      </Title>
      <Stack gap={2} data-testid={`facet-${title}`}>
        {buckets.map((b) => (
          <UnstyledButton
            key={b.key}
            className={classes.facet}
            aria-pressed={isOn(b)}
            onClick={() => {
              onToggle(b);
            }}
            data-facet-key={b.key}
          >
            <Text span size="sm" className={classes.facetLabel}>
              {label(b)}
            </Text>
            <Text span size="sm" fw={600} data-testid="facet-count">
              {b.count.toLocaleString()}
            </Text>
          </UnstyledButton>
        ))}
      </Stack>
    </section>
  );
}
