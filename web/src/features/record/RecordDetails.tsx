import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useAgencyName } from '../../lib/agencies.ts';
import { kindLabel, statusLabel } from '../../lib/record-labels.ts';
import { useSarCodes } from '../../lib/use-sar-codes.ts';
import type { RecordView } from './use-record.ts';

export const dateTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** `articulableFacts` → "Articulable facts". */
const humanise = (key: string) => {
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A payload value as text: lists joined, objects of a list as their values, codes named. */
function payloadText(value: unknown, name: (code: string) => string): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string')
    return /^[a-z]+(_[a-z]+)+$/.test(value) ? value.replaceAll('_', ' ') : value;
  if (Array.isArray(value)) {
    const items = (value as unknown[])
      .map((v): unknown => (typeof v === 'string' ? name(v) : v))
      .map((v): unknown =>
        typeof v === 'object' && v !== null ? Object.values(v).filter(isScalar).join(' — ') : v,
      )
      .filter(isScalar);
    return items.length ? items.join('; ') : undefined;
  }
  return undefined;
}

const isScalar = (v: unknown): v is string | number =>
  (typeof v === 'string' && v !== '') || typeof v === 'number';

/** The record's facts: kind, owner, dates, source, and what its kind records (payload). */
export function RecordDetails({ record }: { record: RecordView }) {
  const agencyName = useAgencyName();
  const codes = useSarCodes().data;
  // SAR behaviour and sector codes by name: "Photography (PHOTO)".
  const names = new Map(
    [...(codes?.behaviours ?? []), ...(codes?.targetSectors ?? [])].flatMap((c) =>
      c.name ? [[c.code as string, `${c.name} (${c.code})`]] : [],
    ),
  );
  const occurred = record.occurredFrom
    ? `${dateTime(record.occurredFrom)}${record.occurredTo ? ` – ${dateTime(record.occurredTo)}` : ''}`
    : 'not recorded';
  const rows: [string, ReactNode][] = [
    ['Kind', kindLabel(record.kind)],
    ['Owning agency', agencyName(record.ownerAgencyId)],
    ['Status', statusLabel(record.status)],
    ['Occurred', occurred],
    ['Entered', dateTime(record.enteredAt)],
    [
      'Source',
      record.sourceRecordId ? `${record.source} · ${record.sourceRecordId}` : record.source,
    ],
    ['Disposition', record.disposition?.replaceAll('_', ' ') ?? '—'],
    ['Version', record.version],
  ];
  for (const [key, value] of Object.entries(record.payload)) {
    const text = payloadText(value, (code) => names.get(code) ?? code);
    if (text) rows.push([humanise(key), text]);
  }
  return (
    <Table variant="vertical" withTableBorder layout="fixed" data-testid="record-details">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={180} scope="row">
              {label}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
