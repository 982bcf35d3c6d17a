/**
 * The handful of demo accounts worth knowing by name: one per distinct view of the data, for
 * the README and the startup banner. Each exists in DEMO_USERS (a test proves it) and signs
 * in with DEMO_PASSWORD.
 */
import type { DemoPersona } from './types.ts';

export const DEMO_PERSONAS: readonly DemoPersona[] = [
  {
    username: 'admin.vfc',
    roleSummary: 'Administrator at the Virginia Fusion Center, every attribute',
    canSee:
      'every record the agencies share in full with the fusion center, its own records, users, agencies and settings',
    cannotSee:
      "other agencies' AMBER+STRICT, RED not released to it, pointer-only and unshared records; criminal intelligence without a stated purpose",
  },
  {
    username: 'analyst.vfc',
    roleSummary: 'Fusion center analyst with LES, PII and 28 CFR Part 23 training',
    canSee: 'law-enforcement records, named people and (with a purpose) criminal intelligence',
    cannotSee: 'HEALTH-caveated public-health reporting, partners’ PROPRIETARY records',
  },
  {
    username: 'sarreviewer.vfc',
    roleSummary: 'SAR reviewer (vetting step 1), LES and PII',
    canSee: 'submitted SARs awaiting initial review',
    cannotSee: 'criminal intelligence; cannot make the step-2 ISE-SAR determination',
  },
  {
    username: 'saranalyst.vfc',
    roleSummary: 'NSI-trained SAR analyst (vetting step 2), LES, PII, 28 CFR',
    canSee: 'SARs passed by a reviewer, to decide terrorism nexus and share as ISE-SARs',
    cannotSee: 'health data; cannot review a SAR they submitted (two-person rule)',
  },
  {
    username: 'privacy.vfc',
    roleSummary: 'Privacy and civil liberties officer',
    canSee: 'records under review, retention and purge queues, privacy complaints',
    cannotSee: 'partners’ PROPRIETARY records not released to the center',
  },
  {
    username: 'auditor.vfc',
    roleSummary: 'Auditor, no right-to-know attributes',
    canSee: 'the hash-chained audit log: who looked at what and why',
    cannotSee: 'the content of any LES, PII or intelligence record',
  },
  {
    username: 'partner.port',
    roleSummary: 'Private-sector partner at Tidewater Terminal & Rail (partner role, no LES)',
    canSee: 'products released to critical-infrastructure partners, its own SARs',
    cannotSee: 'anything LES, PII or AMBER; other agencies’ records beyond pointers',
  },
  {
    username: 'analyst.vdh',
    roleSummary: 'Public-health analyst at VDH with health and PII access, not law enforcement',
    canSee: 'HEALTH-caveated reporting and named people in it',
    cannotSee: 'LES records and criminal intelligence',
  },
  {
    username: 'watch.vfc',
    roleSummary: 'Watch officer on the fusion center floor, LES and PII',
    canSee: 'the live picture: new SARs, alerts, deconfliction hits',
    cannotSee: 'criminal intelligence (no 28 CFR training)',
  },
];
