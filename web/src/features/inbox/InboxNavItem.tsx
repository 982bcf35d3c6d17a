import { Badge, Box, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { unreadText, useUnreadCount } from './inbox-api.ts';
import { useInboxStream } from './inbox-live.ts';

/**
 * The navigation's Inbox link with the unread count beside it, kept live over SSE on every
 * screen. The badge sits outside the link (over its right end, letting clicks through) so the
 * link's name stays "Inbox".
 */
export function InboxNavItem({ children }: { children: ReactNode }) {
  useInboxStream();
  const unread = useUnreadCount();
  return (
    <Box pos="relative">
      {children}
      {unread ? (
        <Badge
          size="sm"
          color="red.9"
          pos="absolute"
          right={8}
          top="50%"
          style={{ transform: 'translateY(-50%)', pointerEvents: 'none' }}
          data-testid="inbox-unread-badge"
        >
          {unreadText(unread)}
          <VisuallyHidden component="span"> unread notifications</VisuallyHidden>
        </Badge>
      ) : null}
    </Box>
  );
}
