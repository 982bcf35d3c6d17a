import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { useMe } from '../../app/session.ts';
import { MarkingBanner } from '../../components/MarkingBanner.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { LoadingState } from '../../components/States.tsx';
import { BehaviourFieldset } from './BehaviourFieldset.tsx';
import { PersonsFields, VehiclesFields } from './InvolvedFields.tsx';
import { MarkingFields } from './MarkingFields.tsx';
import { useSarCodes, type SarCodes } from '../../lib/use-sar-codes.ts';
import { draftProblems, emptyDraft, toCreateBody, type SarDraft } from './sar-draft.ts';

type Status = 'submitted' | 'draft';
type TextField = keyof {
  [K in keyof SarDraft as SarDraft[K] extends string ? K : never]: true;
};

/** The ISE-SAR submission form: it creates a record of kind `sar` (POST /api/v1/records). */
export function SarFormPage() {
  const codes = useSarCodes();
  if (codes.isPending) return <LoadingState label="Loading the ISE-SAR categories…" />;
  if (codes.isError) return <ProblemAlert error={codes.error} title="The form could not load" />;
  return <SarForm codes={codes.data} />;
}

function SarForm({ codes }: { codes: SarCodes }) {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SarDraft>(emptyDraft);
  const [problems, setProblems] = useState<ReturnType<typeof draftProblems>>({});
  const set = (change: Partial<SarDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
  };
  /** Binds an input to one text field of the draft. */
  const bind = (field: TextField) => ({
    value: draft[field],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
      set({ [field]: e.currentTarget.value });
    },
  });
  const part2 = new Set<string>(codes.behaviours.filter((b) => b.part === 2).map((b) => b.code));
  const hasPart2 = draft.behaviours.some((b) => part2.has(b));
  const create = useMutation({
    mutationFn: (status: Status) =>
      unwrap(api.POST('/api/v1/records', { body: toCreateBody(draft, status) })),
    onSuccess: async (record) => {
      await queryClient.invalidateQueries({ queryKey: ['sars'] });
      void navigate(`/sar/${record.id}`);
    },
  });
  const send = (status: Status) => {
    const found = draftProblems(draft, status, part2);
    setProblems(found);
    if (Object.keys(found).length === 0) create.mutate(status);
  };
  const banner = (position: 'top' | 'bottom') => (
    <MarkingBanner
      markings={{ tlp: draft.tlp, caveats: draft.caveats }}
      ownerAgencyId={me.agency.id}
      position={position}
    />
  );

  return (
    <form
      aria-labelledby="sar-form-title"
      noValidate
      onSubmit={(e: SubmitEvent) => {
        e.preventDefault();
        send('submitted');
      }}
    >
      <Stack gap="md">
        {banner('top')}
        <Anchor component={Link} to="/sar">
          ← All SARs
        </Anchor>
        <Title order={2} id="sar-form-title">
          Report suspicious activity
        </Title>
        <Text c="dimmed">
          The ISE-SAR data elements: what was seen, its behaviour categories, the sectors it
          targets, who and what was involved, and where. Report behaviour, not people: race,
          ethnicity, national origin or religion are never a reason for suspicion.
        </Text>
        <Fieldset legend="What happened">
          <Stack gap="sm">
            <TextInput label="Title" required {...bind('title')} error={problems.title} />
            <Textarea
              label="Narrative"
              description="What was observed, in the order it happened."
              autosize
              minRows={4}
              {...bind('narrative')}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput type="datetime-local" label="Activity started" {...bind('occurredFrom')} />
              <TextInput type="datetime-local" label="Activity ended" {...bind('occurredTo')} />
              <NativeSelect
                label="How observed or reported"
                data={[
                  { value: '', label: 'Not given' },
                  ...codes.howObserved.map((h) => ({ value: h.code, label: h.name })),
                ]}
                {...bind('howObserved')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <BehaviourFieldset
          codes={codes}
          value={draft.behaviours}
          onChange={(behaviours) => {
            set({ behaviours });
          }}
          error={problems.behaviours}
        />
        {hasPart2 ? (
          <Alert color="grape" title="Part 2 category chosen" role="note">
            <Stack gap="sm">
              <Text size="sm">{codes.part2Caution}</Text>
              <Textarea
                label="Articulable facts"
                description="The facts that make this behaviour not innocent but reasonably indicative of criminal activity associated with terrorism."
                required
                autosize
                minRows={3}
                {...bind('articulableFacts')}
                error={problems.articulableFacts}
              />
            </Stack>
          </Alert>
        ) : null}
        <MultiSelect
          label="Target sectors"
          description="The infrastructure or sector the activity was directed at (NIEM codes)."
          searchable
          data={codes.targetSectors.map((s) => ({
            value: s.code,
            label: s.name ? `${s.name} (${s.code})` : s.code,
          }))}
          value={draft.targetSectors}
          onChange={(targetSectors) => {
            set({ targetSectors });
          }}
        />
        <Fieldset legend="Location">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Address or place" {...bind('address')} />
            <TextInput
              label="Latitude"
              inputMode="decimal"
              {...bind('lat')}
              error={problems.coordinates}
            />
            <TextInput label="Longitude" inputMode="decimal" {...bind('lon')} />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={4}>
            Coordinates place the SAR on the map; an address without them is kept as a place the
            report mentions.
          </Text>
        </Fieldset>
        <PersonsFields
          items={draft.persons}
          onChange={(persons) => {
            set({ persons });
          }}
        />
        <VehiclesFields
          items={draft.vehicles}
          onChange={(vehicles) => {
            set({ vehicles });
          }}
        />
        <MarkingFields
          value={{ tlp: draft.tlp, caveats: draft.caveats, partnerShare: draft.partnerShare }}
          onChange={(m) => {
            set(m);
          }}
        />
        {create.error ? <ProblemAlert error={create.error} title="The SAR was not saved" /> : null}
        <Group>
          <Button type="submit" loading={create.isPending && create.variables === 'submitted'}>
            Submit for vetting
          </Button>
          <Button
            variant="default"
            loading={create.isPending && create.variables === 'draft'}
            onClick={() => {
              send('draft');
            }}
          >
            Save as draft
          </Button>
        </Group>
        {banner('bottom')}
      </Stack>
    </form>
  );
}
