import type { components } from '../api/schema';

type Schemas = components['schemas'];
export type RecordKind = Schemas['Record']['kind'];
export type Observation = Schemas['Observation'];
export type ObservationRole = Observation['role'];
export type ObservationType = Observation['type'];

/** Record kinds in the order pickers list them, with the words a user reads. */
export const RECORD_KIND_LABELS: { [K in RecordKind]: string } = {
  sar: 'SAR',
  incident: 'Incident',
  field_interview: 'Field interview',
  arrest: 'Arrest',
  tip: 'Tip',
  intel_report: 'Criminal intelligence',
  cyber_indicator: 'Cyber indicator',
};

export const RECORD_STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  active: 'Active',
  closed: 'Closed',
};

export const ROLE_LABELS: { [R in ObservationRole]: string } = {
  subject: 'Subject',
  victim: 'Victim',
  witness: 'Witness',
  reporting_party: 'Reporting party',
  associate: 'Associate',
  mentioned: 'Mentioned',
};

export const OBSERVATION_TYPE_LABELS: { [T in ObservationType]: string } = {
  person: 'Person',
  organization: 'Organisation',
  vehicle: 'Vehicle',
  phone: 'Phone',
  email: 'E-mail',
  location: 'Location',
  weapon: 'Weapon',
  online_account: 'Online account',
  identifier: 'Identifier',
};

export const kindLabel = (kind: string) =>
  (RECORD_KIND_LABELS as Record<string, string>)[kind] ?? kind;
/** Record statuses and SAR vetting states: "initial_review" → "Initial review". */
export const statusLabel = (status: string) =>
  RECORD_STATUS_LABELS[status] ??
  status.charAt(0).toUpperCase() + status.slice(1).replaceAll('_', ' ');

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
const join = (...parts: unknown[]) => parts.map(text).filter(Boolean).join(' ');

/** A short name for an entity as one record saw it: "Stephen Coleman", "VA XKR4471", "+1 804…". */
export function observationLabel(o: Pick<Observation, 'type' | 'attributes'>): string {
  const a = o.attributes;
  const address = a['address'] as Record<string, unknown> | string | undefined;
  const label = (() => {
    switch (o.type) {
      case 'person':
        return join(a['givenName'], a['middleName'], a['surname'], a['nameSuffix']);
      case 'organization':
        return text(a['name']);
      case 'vehicle':
        return join(a['plateState'], a['plate']) || join(a['color'], a['make'], a['model']);
      case 'phone':
        return text(a['number']);
      case 'email':
        return text(a['address']);
      case 'location':
        return (
          text(a['name']) ?? (typeof address === 'string' ? address : text(address?.['street']))
        );
      case 'weapon':
        return join(a['make'], a['model'], a['kind']);
      case 'online_account':
        return join(a['service'], a['handle']);
      case 'identifier':
        return join(a['scheme'], a['value']);
    }
  })();
  return label || OBSERVATION_TYPE_LABELS[o.type];
}
