import { defineError } from '../../shared/errors.ts';

export const windowTooLong = defineError({
  code: 'trends.window_too_long',
  status: 400,
  title: 'The trend window is too long',
});
