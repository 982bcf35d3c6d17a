import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseAttributes, parsePositiveInt, parseRoles, parseSeed, parseUuid } from './options.ts';

describe('flag parsers', () => {
  it('accepts positive integers only', () => {
    expect(parsePositiveInt('25000')).toBe(25000);
    for (const bad of ['0', '-3', '1.5', '1e3', 'ten', '']) {
      expect(() => parsePositiveInt(bad), bad).toThrow(InvalidArgumentError);
    }
  });

  it('accepts a 32-bit seed', () => {
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed('4294967295')).toBe(4294967295);
    expect(() => parseSeed('4294967296')).toThrow('0 to 4294967295');
  });

  it('accepts known roles, deduplicated, and names the unknown ones', () => {
    expect(parseRoles('analyst, watch_officer,analyst')).toEqual(['analyst', 'watch_officer']);
    expect(() => parseRoles('analyst,wizard,king')).toThrow("unknown roles 'wizard', 'king'");
    expect(() => parseRoles(' , ')).toThrow('at least one role');
  });

  it('turns on the named attributes and reads the NSI training date', () => {
    expect(parseAttributes('lawEnforcement,nsiTrainedAnalyst=2024-03-01')).toEqual({
      lawEnforcement: true,
      cfr23Trained: false,
      piiAccess: false,
      healthAccess: false,
      nsiTrainedAnalyst: '2024-03-01',
    });
    expect(() => parseAttributes('nsiTrainedAnalyst')).toThrow('YYYY-MM-DD');
    expect(() => parseAttributes('nsiTrainedAnalyst=2024-02-30')).toThrow('YYYY-MM-DD');
    expect(() => parseAttributes('piiAccess=yes')).toThrow("unknown attribute 'piiAccess=yes'");
  });

  it('accepts a UUID', () => {
    expect(parseUuid(' 01a1fce6-ea82-7abd-99d2-722d7310a225 ')).toBe(
      '01a1fce6-ea82-7abd-99d2-722d7310a225',
    );
    expect(() => parseUuid('42')).toThrow('UUID');
  });
});
