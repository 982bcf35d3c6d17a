/**
 * Cyber indicators: STIX 2.1 patterns and observables over documentation-range IP addresses
 * (RFC 5737) and reserved .example domains. Attack infrastructure recurs across reports, as
 * real campaigns do, so correlation has something to find.
 */
import { mentionEmail, mentionOrganization, type RecordContext } from './mentions.ts';
import type { RecordDraft } from './drafts.ts';
import { Random, hashSeed, randomHex, randomUuid } from './random.ts';
import { DAY_MS } from './time.ts';

const CYBER_THREATS = [
  ['phishing campaign', 'malicious-activity'],
  ['ransomware command-and-control server', 'malicious-activity'],
  ['credential-stuffing source', 'anomalous-activity'],
  ['scanning of internet-facing industrial control systems', 'anomalous-activity'],
  ['business e-mail compromise', 'compromised'],
] as const;

/** Attack infrastructure is shared across reports: actor N always has the same IP and domain. */
function actorInfrastructure(
  seed: number,
  actor: number,
): { ip: string; domain: string; sha256: string; sender: string } {
  const rng = new Random(hashSeed(seed, 0xc7be, actor));
  const block = rng.pick(['192.0.2', '198.51.100', '203.0.113']);
  const word = rng.pick([
    'payroll',
    'invoice',
    'secure-login',
    'vpn-update',
    'benefits',
    'docs-share',
    'mfa-reset',
  ]);
  const domain = `${word}-${randomHex(rng, 4)}.${rng.pick(['example.com', 'example.net', 'example.org'])}`;
  return {
    ip: `${block}.${rng.int(1, 254)}`,
    domain,
    sha256: randomHex(rng, 64),
    sender: `${rng.pick(['hr', 'it-support', 'billing', 'noreply'])}@${domain}`,
  };
}

export function buildCyberIndicator(ctx: RecordContext): RecordDraft<'cyber_indicator'> {
  const { rng } = ctx;
  const [threat, indicatorType] = rng.pick(CYBER_THREATS);
  const actor = rng.skewedIndex(40, 1.5);
  const infra = actorInfrastructure(ctx.population.seed, actor);
  const victim =
    ctx.agency.level === 'private'
      ? {
          key: `org:agency-${ctx.agency.key}`,
          name: ctx.agency.name,
          legalSuffix: null,
          kind: 'business' as const,
          address: ctx.address,
        }
      : ctx.population.organization(ctx.population.pickOrganizationIndex(rng));
  const victimName = mentionOrganization(ctx, victim, 'victim');
  if (threat.includes('e-mail') || threat.startsWith('phishing'))
    mentionEmail(ctx, { key: `email:actor-${actor}`, address: infra.sender }, 'subject');
  const validFrom = new Date(ctx.whenMs).toISOString();
  return {
    title: `Cyber indicator: ${threat} targeting ${victimName}`,
    narrative: `${victimName} reported ${threat} activity first seen ${ctx.when.date}. Traffic to ${infra.ip} and the domain ${infra.domain} was observed from ${rng.int(2, 40)} internal hosts; a payload with SHA-256 ${infra.sha256.slice(0, 16)}… was recovered. Partners should block and hunt for these indicators.`,
    payload: {
      stixId: `indicator--${randomUuid(rng)}`,
      pattern: `[ipv4-addr:value = '${infra.ip}'] OR [domain-name:value = '${infra.domain}'] OR [file:hashes.'SHA-256' = '${infra.sha256}']`,
      patternType: 'stix',
      indicatorTypes: [indicatorType],
      validFrom,
      validUntil: new Date(ctx.whenMs + 90 * DAY_MS).toISOString(),
      observables: [
        { type: 'ipv4-addr', value: infra.ip },
        { type: 'domain-name', value: infra.domain },
        { type: 'file:hashes.SHA-256', value: infra.sha256 },
      ],
    },
    durationMinutes: rng.int(30, 60 * 24 * 3),
  };
}
