/**
 * Demo user accounts: every role, and the attribute combinations that change what a viewer
 * may see (LES without 28 CFR training, PII without LES, health without LES, private sector
 * with nothing). Accounts are fixed rather than seeded so that logins in the README work
 * for every seed. All share DEMO_PASSWORD; the loader hashes it.
 */
import { ROLES, type Role, type UserAttributes } from '../access/viewer.ts';
import { DEMO_AGENCIES, getDemoAgency } from './agencies.ts';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from './names.ts';
import { Random, hashString } from './random.ts';
import type { DemoUser } from './types.ts';

export const DEMO_PASSWORD = 'watchfloor-demo';

const attrs = (flags: string, nsiTrainedAnalyst: string | null = null): UserAttributes => ({
  lawEnforcement: flags.includes('L'),
  cfr23Trained: flags.includes('C'),
  piiAccess: flags.includes('P'),
  healthAccess: flags.includes('H'),
  nsiTrainedAnalyst,
});

type UserSpec = {
  username: string;
  agencyKey: string;
  roles: Role[];
  /** L = lawEnforcement, C = cfr23Trained, P = piiAccess, H = healthAccess */
  flags: string;
  nsi: string | null;
  displayName: string | null;
};

/**
 * username | agency | roles (comma-separated) | flags (L C P H, - for none) | NSI training
 * date as of the world's reference date (- for none; the seed moves it to the day of
 * seeding, seed.ts) | display name (- to derive one). The fusion center's staff come first
 * and include every persona in the README; partners' people follow. saranalyst.vfc's
 * training is current (12 months by default); analyst.fbi's has lapsed.
 */
const USER_TABLE = `
admin.vfc | vfc | admin | LCPH | 2023-09-18 | Dana Whitfield
supervisor.vfc | vfc | supervisor,analyst | LCP | 2022-05-02 | Marcus Hale
analyst.vfc | vfc | analyst | LCP | - | Jordan Ellis
analyst2.vfc | vfc | analyst | LP | - | Casey Morgan
cyber.vfc | vfc | analyst | L | - | Priyanka Raman
sarreviewer.vfc | vfc | sar_reviewer | LP | - | Tom Becker
saranalyst.vfc | vfc | sar_analyst,analyst | LCP | 2025-05-12 | Alicia Romero
intel.vfc | vfc | intel_reviewer | LCP | 2021-11-08 | Victor Osei
privacy.vfc | vfc | privacy_officer | LCPH | - | Helen Marsh
auditor.vfc | vfc | auditor | - | - | Gregory Tate
watch.vfc | vfc | watch_officer | LP | - | Rosa Delgado
watch2.vfc | vfc | watch_officer | L | - | Kenji Watanabe
analyst.vsp | vsp | analyst | LCP | 2023-01-23 | -
supervisor.vsp | vsp | supervisor,sar_reviewer | LCP | - | -
analyst.fairfaxpd | fairfax-pd | analyst | LCP | - | -
analyst.richmondpd | richmond-pd | analyst | LP | - | -
analyst.norfolkpd | norfolk-pd | analyst | LCP | 2024-08-05 | -
analyst.vabeachpd | vabeach-pd | analyst | LP | - | -
supervisor.norfolkpd | norfolk-pd | supervisor | LCP | - | -
supervisor.fairfaxpd | fairfax-pd | supervisor,sar_reviewer | LCP | - | -
analyst.arlingtonpd | arlington-pd | analyst | LP | - | -
analyst.henricopd | henrico-pd | analyst | LCP | - | -
analyst.chesterfieldpd | chesterfield-pd | analyst | L | - | -
sarreviewer.vsp | vsp | sar_reviewer | LP | - | -
analyst.vadoc | vadoc | analyst | LCP | - | -
analyst.fbi | fbi-jttf | analyst,sar_analyst | LCP | 2022-10-17 | -
liaison.fbi | fbi-jttf | liaison | LCP | - | -
analyst.dhs | dhs-ia | analyst | P | 2023-06-12 | -
analyst.vdh | vdh | analyst | PH | - | Nadia Farouk
epi.vdh | vdh | partner | H | - | -
watch.vdem | vdem | watch_officer | - | - | -
partner.vdem | vdem | partner | - | - | -
flo.fairfaxfire | fairfax-fire | liaison | P | - | -
partner.fairfaxfire | fairfax-fire | partner | - | - | -
flo.richmondems | richmond-ems | liaison | PH | - | -
partner.port | ttr-port | partner | - | - | Angela Brooks
security.port | ttr-port | liaison | - | - | -
partner.utility | cpl-utility | partner | - | - | -
security.utility | cpl-utility | liaison | P | - | -
partner.water | prwa-water | partner | - | - | -
analyst.wmata | wmata-pd | analyst | LP | - | -`;

function parseUser(line: string): UserSpec {
  const [username = '', agencyKey = '', roles = '', flags = '', nsi = '', name = ''] =
    line.split(' | ');
  return {
    username,
    agencyKey,
    roles: roles.split(',').map((r) => {
      if (!(ROLES as readonly string[]).includes(r)) throw new Error(`unknown role ${r}`);
      return r as Role;
    }),
    flags,
    nsi: nsi === '-' ? null : nsi,
    displayName: name === '-' ? null : name,
  };
}

/** Every local or tribal police agency without its own entry gets a Fusion Liaison Officer. */
function liaisonSpecs(): UserSpec[] {
  return DEMO_AGENCIES.filter(
    (a) => a.discipline === 'law_enforcement' || a.discipline === 'tribal',
  ).map((a, i) => ({
    username: `flo.${a.key.replace(/-/g, '')}`,
    agencyKey: a.key,
    roles: ['liaison'] as Role[],
    // Some liaisons have taken 28 CFR Part 23 training, some have not: both must be tried.
    flags: i % 3 === 0 ? 'LCP' : i % 3 === 1 ? 'LP' : 'L',
    nsi: null,
    displayName: null,
  }));
}

/** Names for accounts without a fixed one, from a private stream so seeds do not move them. */
function displayNameFor(username: string): string {
  const rng = new Random(hashString(username));
  const given = rng.pick(rng.chance(0.5) ? MALE_NAMES : FEMALE_NAMES).name;
  return `${given} ${rng.pick(SURNAMES)}`;
}

function toUser(spec: UserSpec): DemoUser {
  const agency = getDemoAgency(spec.agencyKey);
  return {
    username: spec.username,
    displayName: spec.displayName ?? displayNameFor(spec.username),
    email: `${spec.username}@${agency.emailDomain}`,
    agencyKey: spec.agencyKey,
    roles: [...spec.roles],
    attributes: attrs(spec.flags, spec.nsi),
  };
}

export const DEMO_USERS: readonly DemoUser[] = [
  ...USER_TABLE.trim().split('\n').map(parseUser),
  ...liaisonSpecs(),
].map(toUser);

/** Roles no demo account holds (always empty; the test proves it). */
export function rolesWithoutUsers(users: readonly DemoUser[] = DEMO_USERS): Role[] {
  return ROLES.filter((r) => !users.some((u) => u.roles.includes(r)));
}
