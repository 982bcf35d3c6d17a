import { createHash, createHmac, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 passes). */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Compared against when the account does not exist, so timing does not reveal which names do. */
export const DUMMY_HASH = await hashPassword(randomBytes(16).toString('hex'));

export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored as SHA-256: they are random, so no salt or slow hash is needed. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * A session's CSRF token is an HMAC keyed by the session token itself (docs/adr/0008): only the
 * holder of the HttpOnly cookie can derive it, the server recomputes it from the cookie after a
 * page reload, and it reveals nothing about the session token.
 */
export function deriveCsrfToken(sessionToken: string): string {
  return `wfc_${createHmac('sha256', sessionToken).update('watchfloor csrf v1').digest('base64url')}`;
}

/** A one-time password that is easy to read aloud: four groups of five characters. */
export function generateOneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{5}/g)?.join('-') ?? chars;
}

export const PASSWORD_MIN_LENGTH = 12;
