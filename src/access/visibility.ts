import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { caveatsAllowedByAttributes, isPartnerOnly, type Viewer } from './viewer.ts';

/** The columns a marked table exposes to the visibility rule. */
export type MarkedColumns = {
  ownerAgencyId: AnyPgColumn;
  tlp: AnyPgColumn;
  caveats: AnyPgColumn;
  partnerShare: AnyPgColumn;
  releasableTo: AnyPgColumn;
};

/**
 * The visibility rule (DOMAIN.md, v1) as one SQL predicate, joined into every read of
 * records, observations and entities. `policy.ts#canView` is the same rule in TypeScript.
 * Viewer facts are folded in as constants so the planner sees a simple predicate.
 */
export function visibleTo(viewer: Viewer, t: MarkedColumns): SQL {
  if (!viewer.active || !viewer.agencyActive) return sql`false`;
  if (viewer.kind === 'system') return sql`true`;
  const agency = sql`${viewer.agencyId}::uuid`;
  const owner = sql`${t.ownerAgencyId} = ${agency}`;
  const named = sql`${agency} = any(${t.releasableTo})`;
  const audienceIds = uuidArray([viewer.agencyId, ...viewer.sharingGroupIds]);
  const audience = sql`(${owner} or (${t.partnerShare} = 'full' and (cardinality(${t.releasableTo}) = 0 or ${t.releasableTo} && ${audienceIds})))`;
  // A partner-only user sees nothing stricter than GREEN (ADR 0003).
  const tlpCap = isPartnerOnly(viewer)
    ? sql`${t.tlp} in ('CLEAR', 'GREEN')`
    : sql`(${t.tlp} in ('CLEAR', 'GREEN', 'AMBER') or (${t.tlp} = 'AMBER+STRICT' and ${owner}) or (${t.tlp} = 'RED' and (${owner} or ${named})))`;
  const allowed = textArray([...caveatsAllowedByAttributes(viewer), 'PROPRIETARY']);
  const caveats = sql`(${t.caveats} <@ ${allowed} and (not ('PROPRIETARY' = any(${t.caveats})) or ${owner} or ${named}))`;
  return sql`(${audience} and ${tlpCap} and ${caveats})`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[A-Z_+]+$/;

/*
 * Arrays go in as one bound parameter in PostgreSQL array-literal form (Drizzle would
 * otherwise expand a JS array into a parenthesised list). The shapes are checked so the
 * literal cannot be malformed.
 */
function uuidArray(ids: readonly string[]): SQL {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

function textArray(values: readonly string[]): SQL {
  for (const v of values) if (!TOKEN.test(v)) throw new Error(`not a marking token: ${v}`);
  return sql`${`{${values.map((v) => `"${v}"`).join(',')}}`}::text[]`;
}
