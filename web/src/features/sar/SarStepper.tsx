import { Box, Group, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import type { SarTransition } from './sar-api.ts';
import { stepperSteps, type StepView } from './sar-states.ts';

const COLOURS = { done: 'teal', current: 'blue', todo: 'gray' } as const;

/**
 * The SAR's place in its life cycle: the states it passed through, the current one (marked
 * as the current step for screen readers), and the steps still ahead.
 */
export function SarStepper({
  status,
  transitions,
}: {
  status: string;
  transitions: readonly SarTransition[];
}) {
  const steps = stepperSteps(status, transitions);
  return (
    <Box
      component="ol"
      aria-label="Life cycle"
      p={0}
      m={0}
      style={{
        listStyle: 'none',
        display: 'flex',
        flexWrap: 'wrap',
        gap: 'var(--mantine-spacing-xs)',
      }}
    >
      {steps.map((step, i) => (
        <Step key={step.key} step={step} number={i + 1} last={i === steps.length - 1} />
      ))}
    </Box>
  );
}

function Step({ step, number, last }: { step: StepView; number: number; last: boolean }) {
  const colour = step.tone === 'stop' ? 'red' : COLOURS[step.progress];
  const when = step.reachedBy ? new Date(step.reachedBy.at).toLocaleString() : null;
  return (
    <Group
      component="li"
      gap={6}
      wrap="nowrap"
      aria-current={step.progress === 'current' ? 'step' : undefined}
      data-progress={step.progress}
    >
      <ThemeIcon
        radius="xl"
        size="md"
        color={colour}
        variant={step.progress === 'todo' ? 'outline' : 'filled'}
        aria-hidden
      >
        <Text size="xs" fw={700} component="span">
          {step.progress === 'done' ? '✓' : number}
        </Text>
      </ThemeIcon>
      <Box>
        <Text size="sm" fw={step.progress === 'current' ? 700 : 500}>
          {step.label}
          <VisuallyHidden component="span">{PROGRESS_WORDS[step.progress]}</VisuallyHidden>
        </Text>
        {step.reachedBy ? (
          <Text size="xs" c="dimmed">
            {step.reachedBy.actor.username}, {when}
          </Text>
        ) : null}
      </Box>
      {last ? null : (
        <Text c="dimmed" aria-hidden px={4}>
          →
        </Text>
      )}
    </Group>
  );
}

const PROGRESS_WORDS = { done: ' (done)', current: ' (current state)', todo: ' (to come)' };
