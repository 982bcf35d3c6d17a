/**
 * Analyst links for one viewer. A link is shown only when the viewer may see the link itself
 * (its own markings) and both its ends: an entity end through at least one visible
 * observation of the entity it now resolves to, a record end through the record. A link whose
 * two ends were since merged into one entity is not shown (it would be a loop).
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
import type { Viewer } from '../../access/viewer.ts';
import { visibleTo } from '../../access/visibility.ts';
import type { Caveat, ShareLevel, Tlp } from '../../access/markings.ts';
import type { ObservationType } from '../entities/observation-types.ts';
import { graphLinks } from './graph.table.ts';
import { entityIsVisible, toDate, uuids, visibleRecord } from './graph.sql.ts';

export type LinkRow = {
  id: string;
  label: string;
  source: string;
  ownerAgencyId: string;
  createdByUserId: string | null;
  createdAt: Date;
  /** The current entity at each end (after merges). */
  fromEntityId: string;
  fromEntityType: ObservationType;
  toEntityId: string | null;
  toRecordId: string | null;
  toEntityType: ObservationType | null;
  tlp: Tlp;
  caveats: Caveat[];
  partnerShare: ShareLevel;
  networkShare: ShareLevel;
  releasableTo: string[];
};

export type NewLink = typeof graphLinks.$inferInsert;

export function createLinksRepository({ db, viewer }: { db: Db; viewer: Viewer }) {
  /**
   * Links whose own markings the viewer meets, ends followed to their current entity, loops
   * left out. `candidates` selects link ids (it may use `fam`: the entities given and every
   * entity merged into them). With `checkEnds` the query also keeps only links whose two ends
   * the viewer may see; without, the caller must check them (see `touching`).
   */
  const linksQuery = async (
    entities: readonly string[],
    candidates: SQL,
    checkEnds: boolean,
    tail: SQL,
  ) => {
    const endsVisible = sql`and ${entityIsVisible(viewer, sql`x.cur_from`)}
        and (x.cur_to is null or ${entityIsVisible(viewer, sql`x.cur_to`)})
        and (x.to_record_id is null or exists (
          select 1 from records r where r.id = x.to_record_id and ${visibleRecord(viewer)}))`;
    const rows = await queryRows<LinkRow>(
      db,
      sql`with recursive fam(id, root) as (
        select x, x from unnest(${uuids(entities)}) x
        union all
        select e.id, f.root from entities e join fam f on e.merged_into_id = f.id
      ), cand as (${candidates}),
      resolved as (
        select graph_links.*,
          graph_current_entity(graph_links.from_entity_id) as cur_from,
          graph_current_entity(graph_links.to_entity_id) as cur_to
        from graph_links join (select distinct id from cand) c on c.id = graph_links.id
        where ${visibleTo(viewer, graphLinks)}
      )
      select x.id, x.label, x.source, x.owner_agency_id as "ownerAgencyId",
        x.created_by_user_id as "createdByUserId", x.created_at as "createdAt",
        x.cur_from as "fromEntityId", fe.type as "fromEntityType", x.cur_to as "toEntityId",
        x.to_record_id as "toRecordId", te.type as "toEntityType", x.tlp, x.caveats,
        x.partner_share as "partnerShare", x.network_share as "networkShare",
        x.releasable_to as "releasableTo"
      from resolved x join entities fe on fe.id = x.cur_from
        left join entities te on te.id = x.cur_to
      where x.cur_from is distinct from x.cur_to ${checkEnds ? endsVisible : sql``}
      ${tail}`,
    );
    return rows.map((row) => ({ ...row, createdAt: toDate(row.createdAt) ?? new Date(0) }));
  };

  /** Keeps the links both of whose ends the viewer may see (two small set queries). */
  const withVisibleEnds = async (links: LinkRow[]) => {
    if (links.length === 0) return links;
    const entityEnds = [
      ...new Set(links.flatMap((l) => [l.fromEntityId, l.toEntityId ?? []].flat())),
    ];
    const recordEnds = [...new Set(links.flatMap((l) => (l.toRecordId ? [l.toRecordId] : [])))];
    const seen = await queryRows<{ id: string }>(
      db,
      sql`select x as id from unnest(${uuids(entityEnds)}) x where ${entityIsVisible(viewer, sql`x`)}
        union all
        select r.id from records r where r.id = any(${uuids(recordEnds)}) and ${visibleRecord(viewer)}`,
    );
    const visible = new Set(seen.map((row) => row.id));
    return links.filter(
      (l) => visible.has(l.fromEntityId) && visible.has(l.toEntityId ?? l.toRecordId ?? ''),
    );
  };

  return {
    /**
     * Visible links with an end at one of these current entities or records. Run once per
     * hop, so the ends are checked apart: most hops meet no link and skip that work.
     */
    async touching(entities: readonly string[], recordIds: readonly string[] = []) {
      if (entities.length === 0 && recordIds.length === 0) return [];
      const candidates = await linksQuery(
        entities,
        sql`select l.id from graph_links l join fam on l.from_entity_id = fam.id
          union all select l.id from graph_links l join fam on l.to_entity_id = fam.id
          union all select l.id from graph_links l where l.to_record_id = any(${uuids(recordIds)})`,
        false,
        sql`order by x.id`,
      );
      return withVisibleEnds(candidates);
    },

    /** A page of visible links, newest first, optionally only those at one node. */
    list(
      node: { entityId?: string | undefined; recordId?: string | undefined },
      before: string | undefined,
      limit: number,
    ): Promise<LinkRow[]> {
      const entities = node.entityId ? [node.entityId] : [];
      const older = before ? sql`l.id < ${before}::uuid` : sql`true`;
      const candidates = node.entityId
        ? sql`select l.id from graph_links l join fam on l.from_entity_id = fam.id where ${older}
            union all select l.id from graph_links l join fam on l.to_entity_id = fam.id where ${older}`
        : node.recordId
          ? sql`select l.id from graph_links l where l.to_record_id = ${node.recordId}::uuid and ${older}`
          : sql`select l.id from graph_links l where ${older}`;
      return linksQuery(entities, candidates, true, sql`order by x.id desc limit ${limit}`);
    },

    async find(id: string): Promise<LinkRow | undefined> {
      const [row] = await linksQuery(
        [],
        sql`select l.id from graph_links l where l.id = ${id}::uuid`,
        true,
        sql``,
      );
      return row;
    },

    async insert(link: NewLink): Promise<void> {
      await db.insert(graphLinks).values(link);
    },

    async delete(id: string): Promise<void> {
      await db.delete(graphLinks).where(eq(graphLinks.id, id));
    },
  };
}

export type LinksRepository = ReturnType<typeof createLinksRepository>;
