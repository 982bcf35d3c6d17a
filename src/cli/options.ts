/**
 * Parsers for flag values. Each throws commander's InvalidArgumentError, so a bad value
 * ends with exit code 2 and a message naming the flag ("option '--roles <list>' argument
 * 'wizard' is invalid. …").
 */
import { InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { BOOLEAN_ATTRIBUTES, ROLES, type Role, type UserAttributes } from '../access/viewer.ts';

export function parsePositiveInt(value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError('must be a positive integer');
  return n;
}

export function parseSeed(value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n > 0xffffffff) {
    throw new InvalidArgumentError('must be an integer from 0 to 4294967295');
  }
  return n;
}

export function parseUuid(value: string): string {
  const v = value.trim();
  if (!z.uuid().safeParse(v).success) throw new InvalidArgumentError('must be an id (a UUID)');
  return v;
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function parseRoles(value: string): Role[] {
  const names = splitList(value);
  if (names.length === 0) throw new InvalidArgumentError('give at least one role');
  const unknown = names.filter((n) => !(ROLES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new InvalidArgumentError(
      `unknown role${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')} (known: ${ROLES.join(', ')})`,
    );
  }
  return [...new Set(names as Role[])];
}

export const ATTRIBUTE_HELP = `${BOOLEAN_ATTRIBUTES.join(', ')}, nsiTrainedAnalyst=YYYY-MM-DD`;

/** `lawEnforcement,piiAccess,nsiTrainedAnalyst=2024-05-01`: the named ones set, others off. */
export function parseAttributes(value: string): UserAttributes {
  const attributes: UserAttributes = {
    lawEnforcement: false,
    cfr23Trained: false,
    piiAccess: false,
    healthAccess: false,
    nsiTrainedAnalyst: null,
  };
  for (const item of splitList(value)) {
    const [name = '', date] = item.split('=', 2).map((s) => s.trim());
    if (name === 'nsiTrainedAnalyst') {
      if (date === undefined || !z.iso.date().safeParse(date).success) {
        throw new InvalidArgumentError(
          `nsiTrainedAnalyst needs the training date: nsiTrainedAnalyst=YYYY-MM-DD (got '${item}')`,
        );
      }
      attributes.nsiTrainedAnalyst = date;
    } else if ((BOOLEAN_ATTRIBUTES as readonly string[]).includes(name) && date === undefined) {
      attributes[name as (typeof BOOLEAN_ATTRIBUTES)[number]] = true;
    } else {
      throw new InvalidArgumentError(`unknown attribute '${item}' (known: ${ATTRIBUTE_HELP})`);
    }
  }
  return attributes;
}
