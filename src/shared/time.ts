import { z } from 'zod';

/**
 * An ISO 8601 date-time with offset that PostgreSQL's timestamptz can hold: years 1–9999
 * once converted to UTC (zod alone accepts year 0000 and offsets that push 9999 over).
 */
export const isoDateTimeSchema = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset' })
  .refine((s) => {
    const year = new Date(s).getUTCFullYear();
    return year >= 1 && year <= 9999;
  }, 'must be between the years 1 and 9999');
