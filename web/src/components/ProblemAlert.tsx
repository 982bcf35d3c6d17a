import { Alert, List } from '@mantine/core';
import { asProblem, type Problem } from '../api/problem.ts';

/**
 * Readable sentences for the problem codes a user meets; anything else shows the server's own
 * title and detail. Branch on `code`, never on the wording (CONVENTIONS.md).
 */
const MESSAGES: Record<string, (p: Problem) => string> = {
  'auth.invalid_credentials': () => 'Wrong username or password.',
  'auth.locked': (p) =>
    `This account is locked after too many failed sign-ins. Try again in ${minutes(p['retryAfterSeconds'])}.`,
  'auth.suspended': () =>
    'This account or its agency is suspended. Ask your administrator or privacy officer.',
  'auth.unauthenticated': () => 'Your session has ended. Sign in again.',
  'auth.csrf_failed': () => 'Your session could not be confirmed. Reload the page and try again.',
  'access.purpose_required': () =>
    'This is criminal intelligence: state your need to know (purpose) to open it.',
  'access.forbidden': () => 'You do not have the right to do this.',
  not_found: () => 'Not found, or you may not see it.',
  'request.rate_limited': () => 'Too many requests. Wait a moment and try again.',
  'sars.two_person_rule': (p) =>
    `Two-person rule: ${p.detail ?? 'another person must take this vetting step'}.`,
  'sars.role_required': () =>
    'This vetting step needs the SAR reviewer role (Part 1) or the SAR analyst role (Part 2).',
  'sars.attestation_required': (p) =>
    `${p.detail ?? 'The ISE-SAR determination needs a current NSI analyst training attestation'}.`,
  'sars.illegal_transition': () =>
    'The SAR has moved on since you opened it: this step is no longer possible. Its current state is shown.',
  'sars.not_owner': () => "Only the reporting agency's staff may submit or withdraw its SAR.",
  'sars.transition_invalid': () => 'The step lacks what it requires:',
  network: () => 'Watchfloor could not be reached. Check your connection and try again.',
  internal: () => 'Something went wrong on our side. Try again; if it persists, tell an admin.',
};

export function problemMessage(p: Problem): string {
  const known = MESSAGES[p.code];
  if (known) return known(p);
  return p.detail && p.detail !== p.title ? `${p.title}: ${p.detail}` : p.title;
}

function minutes(seconds: unknown): string {
  if (typeof seconds !== 'number') return 'a few minutes';
  const m = Math.max(1, Math.ceil(seconds / 60));
  return m === 1 ? '1 minute' : `${m} minutes`;
}

/** An error from the API (or the network) as a readable alert, with the invalid fields. */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  const p = asProblem(error);
  return (
    <Alert color="red" title={title ?? 'Could not complete this'} role="alert">
      {problemMessage(p)}
      {p.errors?.length ? (
        <List size="sm" mt="xs">
          {p.errors.map((e) => (
            <List.Item key={e.path}>
              {e.path}: {e.message}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
