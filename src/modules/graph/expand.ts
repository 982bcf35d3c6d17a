/**
 * Expansion around a seed, one set-based query per hop. A hop is one step in the entity
 * network: from an entity to the entities it shares visible records with (at least
 * `minWeight` of them) or is linked to by a visible analyst link. From a record seed, hop 1
 * reaches the entities seen in it (and those an analyst linked to it). Nodes are kept best
 * first until the node cap: analyst-linked neighbours, then the strongest co-occurrences.
 */
import type { GraphFilter } from './graph.schemas.ts';
import type { GraphRepository } from './graph.repository.ts';
import type { LinkRow, LinksRepository } from './links.repository.ts';

export type Seed = { kind: 'entity' | 'record'; id: string };

export type Traversal = {
  /** Entities reached, with the hop they were reached at (0 for an entity seed). */
  hopOf: Map<string, number>;
  /** Entities left out by the node cap, at `atHop`; later hops were not expanded. */
  cut: number;
  atHop: number | null;
  hopsNotExpanded: number;
};

type Found = { ids: string[]; total: number };
type Repos = { graph: GraphRepository; links: LinksRepository };

export async function traverse(
  repos: Repos,
  seed: Seed,
  opts: GraphFilter & { hops: number; maxNodes: number },
): Promise<Traversal> {
  const hopOf = new Map<string, number>();
  const reserved = seed.kind === 'record' ? 1 : 0;
  let frontier: string[] = [];
  if (seed.kind === 'entity') {
    hopOf.set(seed.id, 0);
    frontier = [seed.id];
  }
  for (let hop = 1; hop <= opts.hops; hop++) {
    const room = Math.max(opts.maxNodes - reserved - hopOf.size, 0);
    const found =
      hop === 1 && seed.kind === 'record'
        ? await entitiesOfRecord(repos, seed.id, opts)
        : await step(repos, frontier, [...hopOf.keys()], opts, room);
    const kept = found.ids.slice(0, room);
    for (const id of kept) hopOf.set(id, hop);
    if (found.total > kept.length) {
      return {
        hopOf,
        cut: found.total - kept.length,
        atHop: hop,
        hopsNotExpanded: opts.hops - hop,
      };
    }
    frontier = kept;
    if (frontier.length === 0) break;
  }
  return { hopOf, cut: 0, atHop: null, hopsNotExpanded: 0 };
}

/** The entity at the other end of a link from one of `here`, if that end is an entity. */
export function acrossLink(l: LinkRow, here: ReadonlySet<string>) {
  if (l.toEntityId === null || l.toEntityType === null) return undefined;
  if (here.has(l.fromEntityId)) return { id: l.toEntityId, type: l.toEntityType };
  if (here.has(l.toEntityId)) return { id: l.fromEntityId, type: l.fromEntityType };
  return undefined;
}

/** Entities linked by an analyst to one of `here`, not yet seen, of an allowed type. */
export function linkedEntities(
  links: readonly LinkRow[],
  here: ReadonlySet<string>,
  seen: ReadonlySet<string>,
  f: GraphFilter,
  always: readonly string[] = [],
): string[] {
  const ids = new Set<string>();
  for (const l of links) {
    const other = acrossLink(l, here);
    if (!other || seen.has(other.id)) continue;
    if (f.entityTypes && !f.entityTypes.includes(other.type) && !always.includes(other.id))
      continue;
    ids.add(other.id);
  }
  return [...ids].sort();
}

async function step(
  repos: Repos,
  frontier: readonly string[],
  seen: readonly string[],
  f: GraphFilter,
  room: number,
): Promise<Found> {
  const linked = linkedEntities(
    await repos.links.touching(frontier),
    new Set(frontier),
    new Set(seen),
    f,
  );
  const co = await repos.graph.neighbours(
    frontier,
    [...seen, ...linked],
    f,
    Math.max(room - linked.length, 0),
  );
  return { ids: [...linked, ...co.rows.map((n) => n.id)], total: linked.length + co.total };
}

async function entitiesOfRecord(repos: Repos, recordId: string, f: GraphFilter): Promise<Found> {
  const seen = new Set(await repos.graph.entitiesOfRecord(recordId, f));
  const linked = (await repos.links.touching([], [recordId]))
    .filter((l) => !f.entityTypes || f.entityTypes.includes(l.fromEntityType))
    .map((l) => l.fromEntityId);
  const ids = [...new Set([...seen, ...linked])].sort();
  return { ids, total: ids.length };
}
