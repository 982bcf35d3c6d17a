import { Text } from '@mantine/core';
import { EntityLink } from '../../components/EntityLink.tsx';
import { OBSERVATION_TYPE_LABELS, ROLE_LABELS, type Observation } from '../../lib/record-labels.ts';
import { narrativeParts } from './narrative-spans.ts';

/** The narrative, each entity extraction found in it highlighted and linked to the entity's page. */
export function RecordNarrative({
  narrative,
  observations,
}: {
  narrative: string;
  observations: readonly Observation[];
}) {
  return (
    <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="narrative">
      {narrativeParts(narrative, observations).map((p, i) =>
        p.observation ? (
          <EntityLink
            key={i}
            id={p.observation.entityId}
            title={`${OBSERVATION_TYPE_LABELS[p.observation.type]}, ${ROLE_LABELS[p.observation.role].toLowerCase()}: open the entity`}
          >
            <mark data-entity-type={p.observation.type}>{p.text}</mark>
          </EntityLink>
        ) : (
          p.text
        ),
      )}
    </Text>
  );
}
