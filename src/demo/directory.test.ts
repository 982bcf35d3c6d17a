import { describe, expect, it } from 'vitest';
import { AGENCY_LEVELS, DISCIPLINES, ROLES } from '../access/viewer.ts';
import { DEMO_AGENCIES, DEMO_SHARING_GROUPS, HOST_AGENCY_KEY } from './agencies.ts';
import { DEMO_PERSONAS } from './personas.ts';
import { DEMO_USERS, rolesWithoutUsers } from './users.ts';

const agencyKeys = new Set(DEMO_AGENCIES.map((a) => a.key));
const byUsername = new Map(DEMO_USERS.map((u) => [u.username, u]));

describe('demo agencies', () => {
  it('covers the partners a fusion center works with', () => {
    const disciplines = new Set(DEMO_AGENCIES.map((a) => a.discipline));
    for (const d of [
      'fusion_center',
      'law_enforcement',
      'fire',
      'ems',
      'emergency_management',
      'public_health',
      'corrections',
      'private_sector',
      'federal',
      'tribal',
    ] as const) {
      expect(disciplines, d).toContain(d);
    }
    expect(DEMO_AGENCIES.filter((a) => a.level === 'private')).toHaveLength(3);
    expect(DEMO_AGENCIES.length).toBeGreaterThanOrEqual(24);
    const host = DEMO_AGENCIES.find((a) => a.key === HOST_AGENCY_KEY);
    expect(host).toMatchObject({
      name: 'Virginia Fusion Center',
      discipline: 'fusion_center',
      level: 'state',
    });
  });

  it('has unique keys, names and nine-character ORIs', () => {
    expect(agencyKeys.size).toBe(DEMO_AGENCIES.length);
    expect(new Set(DEMO_AGENCIES.map((a) => a.name)).size).toBe(DEMO_AGENCIES.length);
    const oris = DEMO_AGENCIES.flatMap((a) => (a.ori ? [a.ori] : []));
    expect(new Set(oris).size).toBe(oris.length);
    for (const ori of oris) expect(ori).toMatch(/^[A-Z]{2}[0-9A-Z]{7}$/);
    for (const a of DEMO_AGENCIES) {
      expect(DISCIPLINES).toContain(a.discipline);
      expect(AGENCY_LEVELS).toContain(a.level);
      expect(a.pointsOfContact[0]?.email).toMatch(/^[a-z.]+@[a-z]+\.va\.example$/);
      if (a.discipline === 'law_enforcement') expect(a.ori, a.key).not.toBeNull();
      if (a.level === 'private') expect(a.ori, a.key).toBeNull();
    }
  });

  it('puts only known agencies in sharing groups', () => {
    expect(DEMO_SHARING_GROUPS.length).toBeGreaterThanOrEqual(2);
    for (const g of DEMO_SHARING_GROUPS) {
      for (const k of g.memberAgencyKeys) expect(agencyKeys, `${g.key}: ${k}`).toContain(k);
    }
  });
});

describe('demo users', () => {
  it('gives every role to at least one user', () => {
    expect(rolesWithoutUsers()).toEqual([]);
    for (const role of ROLES)
      expect(
        DEMO_USERS.some((u) => u.roles.includes(role)),
        role,
      ).toBe(true);
  });

  it('has about sixty valid accounts in known agencies', () => {
    expect(DEMO_USERS.length).toBeGreaterThanOrEqual(50);
    expect(byUsername.size).toBe(DEMO_USERS.length);
    for (const u of DEMO_USERS) {
      expect(u.username).toMatch(/^[a-z0-9]+\.[a-z0-9]+$/);
      expect(agencyKeys).toContain(u.agencyKey);
      expect(u.email).toMatch(/^[a-z0-9.]+@[a-z]+\.va\.example$/);
      if (u.attributes.nsiTrainedAnalyst !== null) {
        expect(u.attributes.nsiTrainedAnalyst).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('covers the attribute combinations that change what a viewer sees', () => {
    const has = (pred: (a: (typeof DEMO_USERS)[number]['attributes']) => boolean) =>
      DEMO_USERS.some((u) => pred(u.attributes));
    expect(has((a) => a.lawEnforcement && a.cfr23Trained && a.piiAccess)).toBe(true);
    expect(has((a) => a.lawEnforcement && !a.cfr23Trained)).toBe(true);
    expect(has((a) => a.lawEnforcement && !a.piiAccess)).toBe(true);
    expect(has((a) => a.healthAccess && !a.lawEnforcement)).toBe(true);
    expect(has((a) => a.piiAccess && !a.lawEnforcement && !a.healthAccess)).toBe(true);
    expect(
      has((a) => !a.lawEnforcement && !a.piiAccess && !a.healthAccess && !a.cfr23Trained),
    ).toBe(true);
    expect(has((a) => a.nsiTrainedAnalyst !== null)).toBe(true);
  });

  it('never gives a private-sector user law-enforcement attributes', () => {
    const privateKeys = new Set(
      DEMO_AGENCIES.filter((a) => a.level === 'private').map((a) => a.key),
    );
    for (const u of DEMO_USERS.filter((x) => privateKeys.has(x.agencyKey))) {
      expect(u.attributes.lawEnforcement, u.username).toBe(false);
    }
  });
});

describe('demo personas', () => {
  it('are real accounts with the roles and attributes they advertise', () => {
    expect(DEMO_PERSONAS.length).toBeGreaterThanOrEqual(8);
    for (const p of DEMO_PERSONAS) expect(byUsername.has(p.username), p.username).toBe(true);
    const user = (name: string) => byUsername.get(name);
    expect(user('admin.vfc')?.roles).toContain('admin');
    expect(user('admin.vfc')?.attributes).toMatchObject({
      lawEnforcement: true,
      cfr23Trained: true,
      piiAccess: true,
      healthAccess: true,
    });
    expect(user('analyst.vfc')?.attributes).toMatchObject({
      lawEnforcement: true,
      cfr23Trained: true,
      piiAccess: true,
    });
    expect(user('saranalyst.vfc')?.roles).toContain('sar_analyst');
    expect(user('saranalyst.vfc')?.attributes.nsiTrainedAnalyst).not.toBeNull();
    expect(user('partner.port')?.roles).toEqual(['partner']);
    expect(user('partner.port')?.attributes.lawEnforcement).toBe(false);
    expect(user('analyst.vdh')?.attributes).toMatchObject({
      healthAccess: true,
      lawEnforcement: false,
    });
  });
});
