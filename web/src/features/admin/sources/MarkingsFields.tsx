import { Checkbox, Fieldset, MultiSelect, NativeSelect, SimpleGrid } from '@mantine/core';
import { useAgencies } from '../../../lib/agencies.ts';
import { optionsOf, withSelected } from '../select-options.ts';
import { useSharingGroups, type Markings } from '../admin-api.ts';
import { CAVEAT_OPTIONS, SHARE_OPTIONS, TLP_OPTIONS } from './marking-labels.ts';

type Props = { value: Markings; onChange: (m: Markings) => void; error?: string | undefined };

/** The markings a source gives the records it brings, unless a record carries its own. */
export function MarkingsFields({ value, onChange, error }: Props) {
  const agencies = useAgencies();
  const groups = useSharingGroups();
  const set = <K extends keyof Markings>(key: K, v: Markings[K]) => {
    onChange({ ...value, [key]: v });
  };
  const releasable = withSelected(
    [
      ...(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name })),
      ...(groups.data ?? []).map((g) => ({ value: g.id, label: `${g.name} (sharing group)` })),
    ],
    value.releasableTo,
  );
  return (
    <Fieldset legend="Default markings">
      <SimpleGrid cols={1} spacing="sm">
        <NativeSelect
          label="TLP"
          value={value.tlp}
          onChange={(e) => {
            set('tlp', e.currentTarget.value as Markings['tlp']);
          }}
          data={optionsOf(TLP_OPTIONS)}
        />
        <Checkbox.Group
          label="Caveats"
          description="Each caveat asks the viewer for the matching attribute."
          value={[...value.caveats]}
          onChange={(v) => {
            set('caveats', v);
          }}
        >
          <SimpleGrid cols={2} mt={4} spacing={6}>
            {optionsOf(CAVEAT_OPTIONS).map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={2}>
          <NativeSelect
            label="Partner sharing"
            description="What other agencies of the center get"
            value={value.partnerShare}
            onChange={(e) => {
              set('partnerShare', e.currentTarget.value as Markings['partnerShare']);
            }}
            data={optionsOf(SHARE_OPTIONS)}
          />
          <NativeSelect
            label="Network sharing"
            description="What peer centers get"
            value={value.networkShare}
            onChange={(e) => {
              set('networkShare', e.currentTarget.value as Markings['networkShare']);
            }}
            data={optionsOf(SHARE_OPTIONS)}
          />
        </SimpleGrid>
        <MultiSelect
          label="Releasable to"
          description="Empty: every partner. Otherwise only these agencies and sharing groups."
          searchable
          value={[...value.releasableTo]}
          onChange={(v) => {
            set('releasableTo', v);
          }}
          data={releasable}
          error={error}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
