import { Alert, List, Text } from '@mantine/core';
import type { components } from '../../api/schema';

type Pointer = components['schemas']['SearchPointer'];

/**
 * XS-02: other agencies hold records matching a name or identifier you typed, shared with you
 * only as pointers — who holds them and whom to contact, never their content.
 */
export function SearchPointers({ pointers }: { pointers: Pointer[] }) {
  if (pointers.length === 0) return null;
  return (
    <Alert color="yellow" title="Other agencies hold matching records" data-testid="pointers">
      <Text size="sm" mb="xs">
        Their content is not shared with you. Contact the owner to ask for it.
      </Text>
      <List size="sm" spacing={4}>
        {pointers.map((p, i) => (
          <List.Item key={i}>
            <strong>{p.ownerAgency.name}</strong> — a {p.entityType} ({p.matchType},{' '}
            {p.matchStrength} match) in a record of {p.recordDate}
            {p.pointOfContact ? (
              <>
                . Contact: {p.pointOfContact.name}
                {p.pointOfContact.phone ? `, ${p.pointOfContact.phone}` : ''}
                {p.pointOfContact.email ? `, ${p.pointOfContact.email}` : ''}
              </>
            ) : null}
            {p.ownerNotified ? ' (the owner has been told of your search)' : ''}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
