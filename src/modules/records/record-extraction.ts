import { extractEntities, type Extraction } from '../extraction/extract.ts';
import {
  observationAttributeSchemas,
  type ObservationInput,
} from '../entities/observation-types.ts';

/**
 * Adds what the narrative mentions to a record's observations. A mention of something the
 * submitter already listed only gives that observation its place in the text (for
 * highlighting); anything else becomes a new `mentioned` observation with its offsets.
 */
export function withExtractions(
  narrative: string,
  observations: readonly ObservationInput[],
): ObservationInput[] {
  if (narrative.length === 0) return [...observations];
  const result = observations.map((o) => ({ ...o }));
  for (const raw of extractEntities(narrative)) {
    const e = normalised(raw);
    if (!e) continue;
    const key = keyOf(e.type, e.attributes);
    const given = key
      ? result.find(
          (o) =>
            o.type === e.type && o.textStart === undefined && keyOf(o.type, o.attributes) === key,
        )
      : undefined;
    if (given) {
      given.textStart = e.textStart;
      given.textEnd = e.textEnd;
    } else {
      result.push(fromExtraction(e));
    }
  }
  return result;
}

/** Extracted values are normalised by the same schema as submitted ones (plates, phones…). */
function normalised(e: Extraction): Extraction | undefined {
  const parsed = observationAttributeSchemas[e.type].safeParse(e.attributes);
  return parsed.success ? { ...e, attributes: parsed.data } : undefined;
}

function fromExtraction(e: Extraction): ObservationInput {
  return {
    type: e.type,
    role: 'mentioned',
    attributes: e.attributes,
    textStart: e.textStart,
    textEnd: e.textEnd,
  };
}

const norm = (v: unknown) =>
  typeof v === 'string' ? v.toLowerCase().replace(/[^a-z0-9+@.]/g, '') : '';

/** The value that identifies an observation of each type, for matching a mention to it. */
export function keyOf(type: string, a: Record<string, unknown>): string | undefined {
  const key = (() => {
    switch (type) {
      case 'person':
        return `${norm(a['givenName'])}|${norm(a['surname'])}`;
      case 'vehicle':
        return norm(a['vin']) || `${norm(a['plate'])}|${norm(a['plateState'])}`;
      case 'phone':
        return norm(a['number']).replace(/^\+?1?/, '');
      case 'email':
        return norm(a['address']);
      case 'organization':
      case 'location':
        return norm(a['name']);
      case 'identifier':
        return norm(a['value']);
      case 'online_account':
        return norm(a['url']) || norm(a['handle']);
      default:
        return '';
    }
  })();
  return key && key !== '|' ? key : undefined;
}
