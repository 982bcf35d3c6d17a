import { Checkbox, Fieldset, Group, NativeSelect, SimpleGrid } from '@mantine/core';
import type { Caveat, Tlp } from '../../components/MarkingBanner.tsx';
import type { ShareLevel } from './sar-draft.ts';

/** What each TLP means under the visibility rule (DOMAIN.md "Markings"), for a reporter. */
const TLP_OPTIONS: { value: Tlp; label: string }[] = [
  { value: 'CLEAR', label: 'TLP:CLEAR' },
  { value: 'GREEN', label: 'TLP:GREEN' },
  { value: 'AMBER', label: 'TLP:AMBER — not to private-sector partners' },
  { value: 'AMBER+STRICT', label: 'TLP:AMBER+STRICT — your agency only (no outside vetting)' },
  { value: 'RED', label: 'TLP:RED — your agency only (no outside vetting)' },
];

/**
 * The caveats a reporter sets on a SAR: criminal intelligence is another kind of record, and
 * PROPRIETARY needs agencies to release it to, which this form does not ask.
 */
const CAVEAT_OPTIONS: { value: Caveat; label: string }[] = [
  { value: 'LES', label: 'LES (law enforcement sensitive)' },
  { value: 'PII', label: 'PII (names or identifies people)' },
  { value: 'HEALTH', label: 'HEALTH' },
];

const SHARE_OPTIONS: { value: ShareLevel; label: string }[] = [
  { value: 'full', label: 'Partners see the report' },
  { value: 'pointer', label: 'Partners learn only that you hold it (pointer)' },
  { value: 'none', label: 'Not shared with partners' },
];

export type MarkingValue = { tlp: Tlp; caveats: Caveat[]; partnerShare: ShareLevel };

/** How the report is marked: who may see it and what care it needs. */
export function MarkingFields({
  value,
  onChange,
}: {
  value: MarkingValue;
  onChange: (value: MarkingValue) => void;
}) {
  return (
    <Fieldset legend="Markings">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label="Traffic Light Protocol"
          data={TLP_OPTIONS}
          value={value.tlp}
          onChange={(e) => {
            onChange({ ...value, tlp: e.currentTarget.value as Tlp });
          }}
        />
        <NativeSelect
          label="Sharing with partner agencies"
          data={SHARE_OPTIONS}
          value={value.partnerShare}
          onChange={(e) => {
            onChange({ ...value, partnerShare: e.currentTarget.value as ShareLevel });
          }}
        />
      </SimpleGrid>
      <Checkbox.Group
        mt="sm"
        label="Caveats"
        value={value.caveats}
        onChange={(caveats) => {
          onChange({ ...value, caveats: caveats });
        }}
      >
        <Group mt="xs" gap="lg">
          {CAVEAT_OPTIONS.map((c) => (
            <Checkbox key={c.value} value={c.value} label={c.label} />
          ))}
        </Group>
      </Checkbox.Group>
    </Fieldset>
  );
}
