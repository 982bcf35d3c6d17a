import { uuidv7 } from 'uuidv7';
import { z } from 'zod';

/** Every shareable object has a UUIDv7 id: time-ordered, so it also sorts by creation. */
export const newId = (): string => uuidv7();

export const uuidSchema = z.uuid({ message: 'must be a UUID' });
