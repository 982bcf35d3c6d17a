import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { fieldErrors } from '../../lib/field-errors.ts';
import { useMe } from '../../app/session.ts';
import { useSarTransition, type SarState, type SarVetting } from './sar-api.ts';
import { ACTION_HINTS, ACTION_LABELS, label } from './sar-states.ts';
import { whyNoStep } from './vetting-explanation.ts';

/**
 * The steps this viewer may take now — exactly the server's allowedTransitions, nothing
 * else — each asking for a rationale, and for articulable facts where Part 2 requires them.
 */
export function TransitionActions({
  sarId,
  vetting,
  reporterFacts,
}: {
  sarId: string;
  vetting: SarVetting;
  /** The reporter's articulable facts, which the analyst may start from. */
  reporterFacts: string | null;
}) {
  const me = useMe();
  const [chosen, setChosen] = useState<SarState | null>(null);
  const [done, setDone] = useState<SarState | null>(null);
  const why = whyNoStep(vetting, {
    userId: me.user.id,
    roles: me.user.roles,
    nsiTrainedAnalyst: me.user.attributes.nsiTrainedAnalyst,
  });
  const choice = vetting.allowedTransitions.find((a) => a.to === chosen);
  return (
    <Stack gap="sm">
      {why ? (
        <Alert color="gray" title="Not your step" role="note">
          {why}
        </Alert>
      ) : null}
      {vetting.allowedTransitions.length === 0 ? (
        <Text c="dimmed">There is no step you may take on this SAR now.</Text>
      ) : (
        <Group gap="xs">
          {vetting.allowedTransitions.map((a) => (
            <Button
              key={a.to}
              variant={a.to === chosen ? 'filled' : 'light'}
              color={a.to === 'rejected' || a.to === 'withdrawn' ? 'red' : 'blue'}
              aria-pressed={a.to === chosen}
              onClick={() => {
                setChosen(a.to);
                setDone(null);
              }}
            >
              {ACTION_LABELS[a.to]}
            </Button>
          ))}
        </Group>
      )}
      {choice ? (
        <TransitionForm
          key={choice.to}
          sarId={sarId}
          to={choice.to}
          requiresFacts={choice.requiresArticulableFacts}
          minFacts={vetting.policy.articulableFactsMinLength}
          reporterFacts={reporterFacts}
          onDone={(reached) => {
            setChosen(null);
            setDone(reached);
          }}
        />
      ) : null}
      <Text size="sm" role="status">
        {done ? `Done: the SAR is now “${label(done)}”.` : ''}
      </Text>
    </Stack>
  );
}

type FormProps = {
  sarId: string;
  to: SarState;
  requiresFacts: boolean;
  minFacts: number;
  reporterFacts: string | null;
  /** With the state reached, or null when cancelled. */
  onDone: (reached: SarState | null) => void;
};

function TransitionForm({ sarId, to, requiresFacts, minFacts, reporterFacts, onDone }: FormProps) {
  const queryClient = useQueryClient();
  const transition = useSarTransition(sarId);
  const [rationale, setRationale] = useState('');
  const [facts, setFacts] = useState('');
  const [blank, setBlank] = useState(false);
  const errors = fieldErrors(transition.error, '');
  const withFacts = to === 'ise_sar';
  const first = useRef<HTMLTextAreaElement>(null);
  // Keyboard and screen-reader users land in the form they just opened.
  useEffect(() => {
    first.current?.focus();
  }, []);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (rationale.trim() === '') {
      setBlank(true);
      return;
    }
    setBlank(false);
    transition.mutate(
      { to, rationale, ...(withFacts && facts.trim() !== '' ? { articulableFacts: facts } : {}) },
      {
        onSuccess: () => {
          onDone(to);
        },
        // A refusal may mean the SAR moved on: show what is possible now.
        onError: () => void queryClient.invalidateQueries({ queryKey: ['sars', sarId, 'vetting'] }),
      },
    );
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="transition-title">
      <Stack gap="sm">
        <Title order={4} size="h5" id="transition-title">
          {ACTION_LABELS[to]}
        </Title>
        {ACTION_HINTS[to] ? <Text size="sm">{ACTION_HINTS[to]}</Text> : null}
        <Textarea
          ref={first}
          label="Rationale"
          description="Recorded on the SAR's history with your name and the time."
          required
          autosize
          minRows={3}
          value={rationale}
          onChange={(e) => {
            setRationale(e.currentTarget.value);
          }}
          error={blank ? 'Give a rationale: every step records why.' : errors['rationale']}
        />
        {withFacts ? (
          <Textarea
            label="Articulable facts"
            description={
              requiresFacts
                ? `Required for a Part 2 behaviour (SAR-05): at least ${minFacts} characters on why the activity is not innocent but reasonably indicative of criminal activity associated with terrorism. ${facts.trim().length} written.`
                : 'Optional for Part 1 behaviours.'
            }
            required={requiresFacts}
            autosize
            minRows={4}
            value={facts}
            onChange={(e) => {
              setFacts(e.currentTarget.value);
            }}
            error={errors['articulableFacts']}
          />
        ) : null}
        {withFacts && reporterFacts ? (
          <Group>
            <Button
              variant="subtle"
              size="xs"
              onClick={() => {
                setFacts(reporterFacts);
              }}
            >
              Start from the reporter’s articulable facts
            </Button>
          </Group>
        ) : null}
        {transition.error ? (
          <ProblemAlert error={transition.error} title="The step was refused" />
        ) : null}
        <Group gap="xs">
          <Button type="submit" loading={transition.isPending}>
            Confirm: {ACTION_LABELS[to]}
          </Button>
          <Button
            variant="default"
            onClick={() => {
              onDone(null);
            }}
          >
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
