import { Button, Group, Text } from '@mantine/core';

type Props = {
  /** How many items are on screen. */
  shown: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  /** What the list holds, plural: "events", "users". */
  noun: string;
};

/** Under a cursor-paginated list: how many are shown and a button for the next page. */
export function LoadMoreButton({
  shown,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  noun,
}: Props) {
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {hasNextPage ? `The first ${shown} ${noun}` : `All ${noun}: ${shown}`}
      </Text>
      {hasNextPage ? (
        <Button variant="default" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          Load more
        </Button>
      ) : null}
    </Group>
  );
}
