import { observationLabel } from '../../lib/record-labels.ts';
import type { Entity } from './entity-api.ts';

type ProfileValue = Entity['profile'][string][number];

/** The value most of the viewer's observations state for each attribute (ties: the first). */
export function votedAttributes(profile: Entity['profile']): Record<string, unknown> {
  const voted: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(profile)) {
    const best = values.reduce<ProfileValue | undefined>(
      (a, v) => (!a || v.sources.length > a.sources.length ? v : a),
      undefined,
    );
    if (best) voted[key] = best.value;
  }
  return voted;
}

/** The entity's name as its observations mostly state it: "Mason J Hunt (1996-01-07)". */
export function entityTitle(entity: Pick<Entity, 'type' | 'profile'>): string {
  const attributes = votedAttributes(entity.profile);
  const name = observationLabel({ type: entity.type, attributes });
  const dob = attributes['dateOfBirth'];
  return typeof dob === 'string' ? `${name} (${dob})` : name;
}

/** "dateOfBirth" → "Date of birth". */
export function attributeLabel(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A profile value as one line: addresses and identifiers in their usual order. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return value.map(formatValue).filter(Boolean).join('; ');
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return JSON.stringify(value);
  const o = value as Record<string, unknown>;
  if ('scheme' in o && 'value' in o) {
    const issuer = o['issuer'] ? ` (${formatValue(o['issuer'])})` : '';
    return `${formatValue(o['scheme']).replaceAll('_', ' ')} ${formatValue(o['value'])}${issuer}`;
  }
  const { street, city, state, postcode, country, ...rest } = o;
  const region = [state, postcode].map(formatValue).filter(Boolean).join(' ');
  return [street, city, region, country, ...Object.values(rest)]
    .map(formatValue)
    .filter(Boolean)
    .join(', ');
}
