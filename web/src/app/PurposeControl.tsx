import { Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { mayStatePurpose, useStatedPurpose } from './need-to-know.ts';
import { useMe } from './session.ts';

/**
 * The header's need-to-know control, for users who may read criminal intelligence: state a
 * case number or justification once and every screen includes the criminal intelligence it
 * covers (each read audited with it); clear it to stop.
 */
export function PurposeControl() {
  const me = useMe();
  const [purpose, setPurpose] = useStatedPurpose();
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState(purpose ?? '');
  if (!mayStatePurpose(me)) return null;
  const close = (next: string | null) => {
    setPurpose(next);
    setOpened(false);
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} trapFocus>
      <Popover.Target>
        <Button
          variant={purpose ? 'filled' : 'subtle'}
          color={purpose ? 'yellow.4' : 'gray.0'}
          c={purpose ? 'dark.9' : undefined}
          onClick={() => {
            setDraft(purpose ?? '');
            setOpened((o) => !o);
          }}
        >
          {purpose ? `Need to know: ${purpose}` : 'State need to know'}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            close(draft);
          }}
        >
          <Stack gap="xs">
            <TextInput
              label="Need to know (case number or justification)"
              description="Criminal intelligence (28 CFR Part 23) is shown on every screen while this is set; each read is logged with it."
              value={draft}
              maxLength={200}
              onChange={(e) => {
                setDraft(e.currentTarget.value);
              }}
              data-autofocus
            />
            <Group justify="space-between">
              <Button type="submit" disabled={draft.trim().length === 0}>
                State
              </Button>
              {purpose ? (
                <Button
                  variant="default"
                  onClick={() => {
                    close(null);
                  }}
                >
                  Clear
                </Button>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed">
              Cleared when you sign out or close this tab.
            </Text>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
