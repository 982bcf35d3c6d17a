import { defineError } from '../../shared/errors.ts';

export const invalidCredentials = defineError({
  code: 'auth.invalid_credentials',
  status: 401,
  title: 'Wrong username or password',
});
export const accountLocked = defineError({
  code: 'auth.locked',
  status: 423,
  title: 'This account is locked after too many failed sign-ins',
});
export const accountSuspended = defineError({
  code: 'auth.suspended',
  status: 403,
  title: 'This account or its agency is suspended',
});
export const csrfRequired = defineError({
  code: 'auth.csrf_failed',
  status: 403,
  title: 'Missing or wrong X-CSRF-Token header',
});
export const sessionExpired = defineError({
  code: 'auth.unauthenticated',
  status: 401,
  title: 'Your session has ended; sign in again',
});
export const weakPassword = defineError({
  code: 'auth.weak_password',
  status: 422,
  title: 'The password is too weak',
});
export const noSession = defineError({
  code: 'auth.no_session',
  status: 400,
  title: 'This request is not signed in with a session cookie',
});
