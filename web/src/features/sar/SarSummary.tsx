import { Badge, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { components } from '../../api/schema';
import { observationLabel, ROLE_LABELS, OBSERVATION_TYPE_LABELS } from '../../lib/record-labels.ts';
import type { SarCodes } from '../../lib/use-sar-codes.ts';

type RecordView = components['schemas']['Record'];

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** What a vetter reads to decide: the report's categories, facts, sectors and people. */
export function SarSummary({ record, codes }: { record: RecordView; codes: SarCodes | undefined }) {
  const p = record.payload;
  const behaviours = strings(p['behaviours']);
  const sectors = strings(p['targetSectors']);
  const how = str(p['howObserved']);
  const facts = str(p['articulableFacts']);
  const sectorName = (code: string) => codes?.targetSectors.find((s) => s.code === code)?.name;
  const howName = how ? (codes?.howObserved.find((h) => h.code === how)?.name ?? how) : null;
  return (
    <Stack gap="md">
      <section aria-labelledby="sar-behaviours">
        <Title order={4} size="h5" id="sar-behaviours" mb={4}>
          Behaviour categories
        </Title>
        {behaviours.length === 0 ? (
          <Text c="dimmed">None given.</Text>
        ) : (
          <List spacing={4}>
            {behaviours.map((code) => {
              const b = codes?.behaviours.find((x) => x.code === code);
              return (
                <List.Item key={code}>
                  <Text span fw={600}>
                    {b?.name ?? code}
                  </Text>{' '}
                  <Badge size="sm" variant="light" color={b?.part === 2 ? 'grape' : 'blue'}>
                    {b ? `Part ${b.part}` : code}
                  </Badge>
                  {b ? (
                    <Text size="sm" c="dimmed">
                      {b.definition}
                    </Text>
                  ) : null}
                </List.Item>
              );
            })}
          </List>
        )}
      </section>
      {facts ? (
        <section aria-labelledby="sar-facts">
          <Title order={4} size="h5" id="sar-facts" mb={4}>
            Articulable facts
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{facts}</Text>
        </section>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Fact term="Target sectors">
          {sectors.length === 0
            ? 'None given'
            : sectors.map((s) => (sectorName(s) ? `${sectorName(s)} (${s})` : s)).join(', ')}
        </Fact>
        <Fact term="How observed">{howName ?? 'Not given'}</Fact>
        <Fact term="When">
          {record.occurredFrom ? new Date(record.occurredFrom).toLocaleString() : 'Not given'}
          {record.occurredTo ? ` – ${new Date(record.occurredTo).toLocaleString()}` : ''}
        </Fact>
        <Fact term="Where">
          {record.location
            ? (record.location.address ??
              `${record.location.lat.toFixed(5)}, ${record.location.lon.toFixed(5)}`)
            : 'Not given'}
        </Fact>
      </SimpleGrid>
      <section aria-labelledby="sar-narrative">
        <Title order={4} size="h5" id="sar-narrative" mb={4}>
          Narrative
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{record.narrative || 'No narrative.'}</Text>
      </section>
      <section aria-labelledby="sar-involved">
        <Title order={4} size="h5" id="sar-involved" mb={4}>
          Involved people, vehicles and more
        </Title>
        {record.observations.length === 0 ? (
          <Text c="dimmed">None recorded.</Text>
        ) : (
          <List spacing={2}>
            {record.observations.map((o) => (
              <List.Item key={o.id}>
                <Group gap={6}>
                  <Text span fw={600}>
                    {observationLabel(o)}
                  </Text>
                  <Text span size="sm" c="dimmed">
                    {OBSERVATION_TYPE_LABELS[o.type]}, {ROLE_LABELS[o.role].toLowerCase()}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </Stack>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={700}>
        {term}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}
