// The visibility rule clause by clause, on the pure functions of policy.ts. That the SQL
// predicate agrees with them is proved in visibility.property.test.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accessLevel, canView, needsStatedPurpose } from './policy.ts';
import type { MarkedObject } from './markings.ts';
import {
  buildMarking,
  markedObjectArbitrary,
  personas,
  viewerArbitrary,
} from './visibility.test-helpers.ts';

const OWNER = '01900000-0000-7000-8000-00000000000a';
const PARTNER = '01900000-0000-7000-8000-00000000000b';
const OTHER = '01900000-0000-7000-8000-00000000000c';
const GROUP = '01900000-0000-7000-8000-0000000000f1';

describe('visibility rule, clause 1: active viewer and agency', () => {
  it('a suspended user sees nothing, not even their own agency’s CLEAR records', () => {
    const mine = buildMarking({ ownerAgencyId: OWNER, tlp: 'CLEAR' });
    expect(canView(personas.analyst(OWNER), mine)).toBe(true);
    expect(canView(personas.analyst(OWNER, { active: false }), mine)).toBe(false);
    expect(accessLevel(personas.analyst(OWNER, { active: false }), mine)).toBe('none');
  });

  it('suspending an agency cuts off all its users', () => {
    const shared = buildMarking({ ownerAgencyId: OTHER, tlp: 'CLEAR' });
    expect(canView(personas.analyst(OWNER, { agencyActive: false }), shared)).toBe(false);
    expect(
      canView(personas.analyst(OWNER, { agencyActive: false }), {
        ...shared,
        ownerAgencyId: OWNER,
      }),
    ).toBe(false);
  });

  it('a system viewer sees everything, but only while active', () => {
    const secret = buildMarking({
      ownerAgencyId: OTHER,
      tlp: 'RED',
      caveats: ['CRIMINAL_INTEL', 'PROPRIETARY', 'LES'],
      partnerShare: 'none',
      releasableTo: [GROUP],
    });
    expect(canView(personas.system(), secret)).toBe(true);
    expect(canView(personas.system({ active: false }), secret)).toBe(false);
  });
});

describe('visibility rule, clause 2: audience', () => {
  it('an agency always sees its own records, whatever partnerShare and releasableTo say', () => {
    for (const partnerShare of ['full', 'pointer', 'none'] as const) {
      const obj = buildMarking({ ownerAgencyId: OWNER, partnerShare, releasableTo: [OTHER] });
      expect(canView(personas.analyst(OWNER), obj)).toBe(true);
    }
  });

  it('XS-01 a full-share record with an empty releasableTo reaches every partner', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, partnerShare: 'full', releasableTo: [] });
    expect(canView(personas.analyst(PARTNER), obj)).toBe(true);
    expect(canView(personas.analyst(OTHER), obj)).toBe(true);
  });

  it('releasableTo narrows partner sharing to the agencies it names', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, releasableTo: [PARTNER] });
    expect(canView(personas.analyst(PARTNER), obj)).toBe(true);
    expect(canView(personas.analyst(OTHER), obj)).toBe(false);
  });

  it('releasableTo naming a sharing group reaches that group’s members only', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, releasableTo: [GROUP] });
    expect(canView(personas.analyst(PARTNER, { sharingGroupIds: [GROUP] }), obj)).toBe(true);
    expect(canView(personas.analyst(PARTNER), obj)).toBe(false);
  });

  it('XS-01 partnerShare none or pointer keeps content inside the owner agency, even when named', () => {
    for (const partnerShare of ['none', 'pointer'] as const) {
      const obj = buildMarking({ ownerAgencyId: OWNER, partnerShare, releasableTo: [PARTNER] });
      expect(canView(personas.analyst(PARTNER), obj)).toBe(false);
    }
  });
});

describe('visibility rule, clause 3: TLP cap', () => {
  it('RED reaches only the owner and agencies named in releasableTo', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, tlp: 'RED', releasableTo: [PARTNER, GROUP] });
    expect(canView(personas.analyst(OWNER), obj)).toBe(true);
    expect(canView(personas.analyst(PARTNER), obj)).toBe(true);
    // In the audience through the group, but TLP:RED names recipients, not communities.
    expect(canView(personas.analyst(OTHER, { sharingGroupIds: [GROUP] }), obj)).toBe(false);
  });

  it('RED with an empty releasableTo stays with the owner', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, tlp: 'RED', releasableTo: [] });
    expect(canView(personas.analyst(OWNER), obj)).toBe(true);
    expect(canView(personas.analyst(PARTNER), obj)).toBe(false);
  });

  it('AMBER+STRICT stays inside the owner agency, even for an agency named in releasableTo', () => {
    const obj = buildMarking({
      ownerAgencyId: OWNER,
      tlp: 'AMBER+STRICT',
      releasableTo: [PARTNER],
    });
    expect(canView(personas.analyst(OWNER), obj)).toBe(true);
    expect(canView(personas.analyst(PARTNER), obj)).toBe(false);
  });

  it('a partner-only user never sees AMBER, not even from their own agency', () => {
    const amber = buildMarking({ ownerAgencyId: OWNER, tlp: 'AMBER' });
    expect(canView(personas.partner(PARTNER), amber)).toBe(false);
    expect(canView(personas.partner(OWNER), amber)).toBe(false);
    expect(canView(personas.analyst(PARTNER), amber)).toBe(true);
    // One more role is enough to lift the partner-only cap.
    expect(canView(personas.partner(PARTNER, { roles: ['partner', 'liaison'] }), amber)).toBe(true);
  });

  it('a partner-only user sees nothing stricter than GREEN: no AMBER+STRICT or RED, even their own', () => {
    for (const tlp of ['AMBER+STRICT', 'RED'] as const) {
      const own = buildMarking({ ownerAgencyId: OWNER, tlp, releasableTo: [PARTNER] });
      expect(canView(personas.partner(OWNER), own)).toBe(false);
      expect(canView(personas.partner(PARTNER), own)).toBe(false);
      expect(canView(personas.analyst(OWNER), own)).toBe(true);
    }
  });

  it('GREEN and CLEAR follow the audience alone, partner-only users included', () => {
    for (const tlp of ['GREEN', 'CLEAR'] as const) {
      const obj = buildMarking({ ownerAgencyId: OWNER, tlp, releasableTo: [PARTNER] });
      expect(canView(personas.partner(PARTNER), obj)).toBe(true);
      expect(canView(personas.partner(OTHER), obj)).toBe(false);
    }
  });
});

describe('visibility rule, clause 4: caveats', () => {
  it('LES needs the lawEnforcement attribute', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, caveats: ['LES'] });
    expect(canView(personas.analyst(PARTNER), obj)).toBe(false);
    expect(canView(personas.sworn(PARTNER), obj)).toBe(true);
    // Owning the record is not a right to know.
    expect(canView(personas.analyst(OWNER), obj)).toBe(false);
  });

  it('CI-07 criminal intelligence needs a stated purpose', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, caveats: ['CRIMINAL_INTEL'] });
    expect(canView(personas.intelAnalyst(PARTNER), obj)).toBe(false);
    expect(canView(personas.intelAnalyst(PARTNER, { purpose: 'case 24-0117' }), obj)).toBe(true);
    expect(canView(personas.intelAnalyst(OWNER), obj)).toBe(false);
  });

  it('CI-07 criminal intelligence needs lawEnforcement and 28 CFR training as well', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, caveats: ['CRIMINAL_INTEL'] });
    const purpose = 'case 24-0117';
    const untrained = personas.intelAnalyst(PARTNER, { purpose });
    expect(
      canView({ ...untrained, attributes: { ...untrained.attributes, cfr23Trained: false } }, obj),
    ).toBe(false);
    expect(
      canView(
        { ...untrained, attributes: { ...untrained.attributes, lawEnforcement: false } },
        obj,
      ),
    ).toBe(false);
  });

  it('PII needs piiAccess and HEALTH needs healthAccess', () => {
    const pii = buildMarking({ ownerAgencyId: OWNER, caveats: ['PII'] });
    const health = buildMarking({ ownerAgencyId: OWNER, caveats: ['HEALTH'] });
    const none = personas.analyst(PARTNER);
    expect(canView(none, pii)).toBe(false);
    expect(canView(none, health)).toBe(false);
    const withPii = { ...none, attributes: { ...none.attributes, piiAccess: true } };
    expect(canView(withPii, pii)).toBe(true);
    expect(canView(withPii, health)).toBe(false);
    const withHealth = { ...none, attributes: { ...none.attributes, healthAccess: true } };
    expect(canView(withHealth, health)).toBe(true);
    expect(canView(withHealth, pii)).toBe(false);
  });

  it('every caveat must be satisfied, not just one', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, caveats: ['LES', 'HEALTH'] });
    expect(canView(personas.sworn(PARTNER), obj)).toBe(false);
    const both = personas.sworn(PARTNER);
    expect(canView({ ...both, attributes: { ...both.attributes, healthAccess: true } }, obj)).toBe(
      true,
    );
  });

  it('PROPRIETARY reaches the owner and agencies named, not sharing-group members', () => {
    const obj = buildMarking({
      ownerAgencyId: OWNER,
      caveats: ['PROPRIETARY'],
      releasableTo: [PARTNER, GROUP],
    });
    expect(canView(personas.analyst(OWNER), obj)).toBe(true);
    expect(canView(personas.analyst(PARTNER), obj)).toBe(true);
    expect(canView(personas.analyst(OTHER, { sharingGroupIds: [GROUP] }), obj)).toBe(false);
    // With nobody named, only the owner passes.
    const open = { ...obj, releasableTo: [] };
    expect(canView(personas.analyst(OWNER), open)).toBe(true);
    expect(canView(personas.analyst(PARTNER), open)).toBe(false);
  });

  it('MRK-08 private-sector users never see LES or criminal intelligence, whatever their attributes', () => {
    const les = buildMarking({ ownerAgencyId: OWNER, caveats: ['LES'] });
    const intel = buildMarking({ ownerAgencyId: OWNER, caveats: ['CRIMINAL_INTEL'] });
    const byLevel = personas.privateSector(PARTNER, { agencyDiscipline: 'transportation' });
    const byDiscipline = personas.privateSector(PARTNER, { agencyLevel: 'local' });
    for (const viewer of [byLevel, byDiscipline]) {
      expect(canView(viewer, les)).toBe(false);
      expect(canView(viewer, intel)).toBe(false);
      expect(canView(viewer, buildMarking({ ownerAgencyId: OWNER, caveats: ['PII'] }))).toBe(true);
    }
    // Not even on their own agency's records.
    expect(canView(personas.privateSector(OWNER), les)).toBe(false);
  });

  it('SPECIAL_STATUS needs piiAccess and lawEnforcement, and is closed to the private sector', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, caveats: ['SPECIAL_STATUS'] });
    const sworn = personas.sworn(PARTNER);
    expect(canView(sworn, obj)).toBe(false);
    expect(canView({ ...sworn, attributes: { ...sworn.attributes, piiAccess: true } }, obj)).toBe(
      true,
    );
    expect(canView(personas.privateSector(PARTNER), obj)).toBe(false);
  });
});

describe('accessLevel: content, pointer or nothing', () => {
  const pointer = (more: Partial<MarkedObject> = {}) =>
    buildMarking({ ownerAgencyId: OWNER, partnerShare: 'pointer', ...more });

  it('XS-02 pointer only where partnerShare alone blocks', () => {
    expect(accessLevel(personas.analyst(PARTNER), pointer())).toBe('pointer');
    expect(
      accessLevel(personas.analyst(PARTNER), pointer({ tlp: 'RED', releasableTo: [PARTNER] })),
    ).toBe('pointer');
    // Something else blocks too: no pointer, so nothing leaks about the record's existence.
    expect(accessLevel(personas.analyst(PARTNER), pointer({ caveats: ['LES'] }))).toBe('none');
    expect(accessLevel(personas.analyst(PARTNER), pointer({ tlp: 'AMBER+STRICT' }))).toBe('none');
    expect(accessLevel(personas.analyst(PARTNER), pointer({ tlp: 'RED' }))).toBe('none');
    expect(accessLevel(personas.analyst(PARTNER), pointer({ releasableTo: [OTHER] }))).toBe('none');
    expect(accessLevel(personas.partner(PARTNER), pointer({ tlp: 'AMBER' }))).toBe('none');
    expect(accessLevel(personas.analyst(PARTNER, { active: false }), pointer())).toBe('none');
  });

  it('XS-01 partnerShare none gives other agencies not even a pointer', () => {
    const obj = buildMarking({ ownerAgencyId: OWNER, partnerShare: 'none' });
    expect(accessLevel(personas.analyst(PARTNER), obj)).toBe('none');
  });

  it('the owner agency and permitted partners get content', () => {
    expect(accessLevel(personas.analyst(OWNER), pointer())).toBe('content');
    expect(accessLevel(personas.analyst(PARTNER), buildMarking({ ownerAgencyId: OWNER }))).toBe(
      'content',
    );
  });

  it('agrees with canView on content for any viewer and marking', () => {
    const pool = { agencyIds: [OWNER, PARTNER, OTHER], groupIds: [GROUP] };
    fc.assert(
      fc.property(viewerArbitrary(pool), markedObjectArbitrary(pool), (viewer, obj) => {
        const level = accessLevel(viewer, obj);
        expect(level === 'content').toBe(canView(viewer, obj));
        if (level === 'pointer') expect(obj.partnerShare).toBe('pointer');
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('needsStatedPurpose: 403 "state your purpose" instead of 404', () => {
  const intel = buildMarking({ ownerAgencyId: OWNER, caveats: ['CRIMINAL_INTEL'] });

  it('CI-07 asks for a purpose when a purpose is all that is missing', () => {
    expect(needsStatedPurpose(personas.intelAnalyst(PARTNER), intel)).toBe(true);
  });

  it('CI-07 does not ask once a purpose is stated', () => {
    expect(
      needsStatedPurpose(personas.intelAnalyst(PARTNER, { purpose: 'case 24-0117' }), intel),
    ).toBe(false);
  });

  it('CI-07 does not ask a user who would be refused anyway (no 28 CFR training, private sector, not in audience)', () => {
    const analyst = personas.intelAnalyst(PARTNER);
    const untrained = { ...analyst, attributes: { ...analyst.attributes, cfr23Trained: false } };
    expect(needsStatedPurpose(untrained, intel)).toBe(false);
    expect(needsStatedPurpose(personas.privateSector(PARTNER, { purpose: null }), intel)).toBe(
      false,
    );
    expect(needsStatedPurpose(analyst, { ...intel, tlp: 'RED' })).toBe(false);
    expect(needsStatedPurpose(analyst, { ...intel, partnerShare: 'none' })).toBe(false);
  });

  it('does not ask for a purpose on records without CRIMINAL_INTEL', () => {
    const les = buildMarking({ ownerAgencyId: OWNER, caveats: ['LES'] });
    expect(needsStatedPurpose(personas.intelAnalyst(PARTNER), les)).toBe(false);
  });
});
