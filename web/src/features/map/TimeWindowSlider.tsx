import { Group, RangeSlider, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { DOMAIN_MONTHS, monthLabel, windowLabel, type MonthScale } from './time-window.ts';

const YEAR_MARKS = Array.from({ length: Math.ceil(DOMAIN_MONTHS / 12) }, (_, i) => i * 12);

/**
 * Two thumbs over months: where the window starts and where it ends. The map asks again when a
 * thumb is let go (or moved with the arrow keys), not at every step of a drag.
 */
export function TimeWindowSlider({
  scale,
  value,
  onChange,
}: {
  scale: MonthScale;
  value: [number, number];
  onChange: (value: [number, number]) => void;
}) {
  const [moving, setMoving] = useState(value);
  useEffect(() => {
    setMoving(value);
  }, [value]);
  const label = (v: number) => monthLabel(scale, v);
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500} id="time-window-label">
          Time window
        </Text>
        <Text size="sm" data-testid="time-window-value" aria-live="polite">
          {windowLabel(scale, moving)}
        </Text>
      </Group>
      <RangeSlider
        aria-labelledby="time-window-label"
        min={0}
        max={DOMAIN_MONTHS - 1}
        step={1}
        minRange={0}
        value={moving}
        onChange={setMoving}
        onChangeEnd={onChange}
        label={label}
        thumbFromLabel="Window starts"
        thumbToLabel="Window ends"
        thumbValueText={label}
        marks={YEAR_MARKS.map((v) => ({ value: v, label: label(v) }))}
        mb="lg"
        mx="md"
      />
    </Stack>
  );
}
