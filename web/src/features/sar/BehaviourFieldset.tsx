import { Checkbox, Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import type { SarCodes } from '../../lib/use-sar-codes.ts';

const PART_TITLES = {
  1: 'Part 1: defined criminal activity and potential terrorism nexus activity',
  2: 'Part 2: potential criminal or non-criminal activity requiring more information during vetting',
} as const;

/** The 16 ISE-SAR behaviour categories by Part, each with its definition (SAR-01). */
export function BehaviourFieldset({
  codes,
  value,
  onChange,
  error,
}: {
  codes: SarCodes;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
}) {
  return (
    <Fieldset legend="Behaviour categories (at least one)">
      <Stack gap="md">
        {([1, 2] as const).map((part) => {
          const inPart = codes.behaviours.filter((b) => b.part === part);
          const codesInPart = new Set<string>(inPart.map((b) => b.code));
          return (
            <Checkbox.Group
              key={part}
              label={PART_TITLES[part]}
              value={value.filter((v) => codesInPart.has(v))}
              onChange={(chosen) => {
                onChange([...value.filter((v) => !codesInPart.has(v)), ...chosen]);
              }}
              error={part === 2 ? error : undefined}
            >
              <SimpleGrid cols={{ base: 1, md: 2 }} mt="xs" spacing="sm">
                {inPart.map((b) => (
                  <Checkbox
                    key={b.code}
                    value={b.code}
                    label={
                      <>
                        {b.name}{' '}
                        <Text span size="xs" c="dimmed">
                          ({b.code})
                        </Text>
                      </>
                    }
                    description={b.definition}
                  />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          );
        })}
      </Stack>
    </Fieldset>
  );
}
