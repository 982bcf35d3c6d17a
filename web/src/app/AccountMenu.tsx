import { Badge, Button, Group, Menu, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMe, useSignOut } from './session.ts';

/** Who is signed in: agency, roles and rights, and sign out. */
export function AccountMenu() {
  const me = useMe();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={340} withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray.0">
          <VisuallyHidden>Account: </VisuallyHidden>
          {me.user.displayName || me.user.username}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Stack gap={6} p="xs" data-testid="account-details">
          <Text fw={600}>{me.user.username}</Text>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              Agency:{' '}
            </Text>
            {me.agency.name}
          </Text>
          <Text size="sm" c="dimmed">
            Roles
          </Text>
          <Group gap={4}>
            {me.user.roles.map((r) => (
              <Badge key={r} variant="light" color="dark">
                {r.replaceAll('_', ' ')}
              </Badge>
            ))}
          </Group>
          <Text size="sm" c="dimmed">
            Rights
          </Text>
          <Text size="xs" data-testid="account-rights">
            {me.permissions.filter((p) => p !== 'authenticated').join(', ')}
          </Text>
        </Stack>
        <Menu.Divider />
        <Menu.Item onClick={() => void signOut()}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
