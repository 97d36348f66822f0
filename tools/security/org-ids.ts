/**
 * The ids an organisation holds, by kind, read from D1 after seeding: what the probe puts in requests (the other
 * org's, to try to reach them; the caller's own, to mix in), and the marks of the other org's data that must never
 * appear in an answer to the caller.
 * @module
 */
import { env } from 'cloudflare:workers'
import type { RefKind, VendorKind } from './probe-plan'
import type { SeededOrg } from './two-orgs'

export interface OrgIds {
  ref: Record<RefKind, string[]>
  vendor: Record<VendorKind, string[]>
}

const MAX_PER_KIND = 8

async function column(sql: string, ...binds: string[]): Promise<string[]> {
  const { results } = await env.DB.prepare(sql).bind(...binds).all<{ v: string | null }>()
  return [...new Set(results.map((r) => r.v).filter((v): v is string => v !== null && v !== ''))]
}

/** Our ids of the org's resources; the first of each kind is the one a valid request of this org would use. */
async function refIds(org: SeededOrg): Promise<OrgIds['ref']> {
  const { orgId, users, connections } = org
  const propays = await column(
    // The active one first (the one requests of this org act on), then every other state.
    "SELECT id AS v FROM propays WHERE org_id = ?1 ORDER BY status = 'active' DESC, connection_id = ?2 DESC, id",
    orgId,
    connections.fixture,
  )
  return {
    user: [users.manager.id, users.admin.id, users.crew_lead.id, users.worker.id],
    email: [users.admin.email, users.manager.email, users.crew_lead.email, users.worker.email],
    connection: [connections.fixture, connections.aspire, connections.buildertrend, connections.exaktime, connections.deleted],
    propay: propays.slice(0, MAX_PER_KIND),
    statement: await column("SELECT id AS v FROM statements WHERE org_id = ?1 ORDER BY status = 'open' DESC, number", orgId),
    // Held ones first: the items a manager's action would change.
    lineItem: (await column("SELECT id AS v FROM line_items WHERE org_id = ?1 ORDER BY status = 'held' DESC, status = 'in_process' DESC, id", orgId)).slice(0, MAX_PER_KIND),
    job: (await column('SELECT id AS v FROM jobs WHERE org_id = ?1 ORDER BY connection_id = ?2 DESC, external_id', orgId, connections.fixture)).slice(0, MAX_PER_KIND),
    material: (await column('SELECT id AS v FROM material_allocations WHERE org_id = ?1 ORDER BY external_id', orgId)).slice(0, MAX_PER_KIND),
  }
}

const VENDOR_SQL: Record<Exclude<VendorKind, 'job' | 'milestone' | 'worker'>, string> = {
  route: 'SELECT external_id AS v FROM routes WHERE org_id = ?1',
  catalogItem: 'SELECT catalog_item_external_id AS v FROM material_allocations WHERE org_id = ?1',
  inventoryLocation: 'SELECT inventory_location_external_id AS v FROM material_allocations WHERE org_id = ?1',
  branch: 'SELECT external_id AS v FROM branches WHERE org_id = ?1',
  property: 'SELECT external_id AS v FROM clients WHERE org_id = ?1',
}

/**
 * Vendor ids of `org` that `other` does not have (the sandboxes number records alike, so shared ids say nothing),
 * led by the org's labelled fixture ids; the first of each kind is valid on the org's fixture connection.
 */
async function vendorIds(org: SeededOrg, other: SeededOrg): Promise<OrgIds['vendor']> {
  const only = async (kind: keyof typeof VENDOR_SQL) => {
    const theirs = new Set(await column(VENDOR_SQL[kind], other.orgId))
    return (await column(VENDOR_SQL[kind], org.orgId)).filter((v) => !theirs.has(v)).slice(0, 3)
  }
  const { fixture, label } = org
  return {
    job: [fixture.freeJob, ...fixture.jobs.filter((j) => j !== fixture.freeJob)],
    milestone: [fixture.openMilestone, ...fixture.milestones.filter((m) => m !== fixture.openMilestone)],
    worker: fixture.workers,
    route: [fixture.route, ...(await only('route'))],
    catalogItem: [`${label}-catalog-item`, ...(await only('catalogItem'))],
    inventoryLocation: [`${label}-location`, ...(await only('inventoryLocation'))],
    branch: [`${label}-branch`, ...(await only('branch'))],
    property: [`${label}-property`, ...(await only('property'))],
  }
}

export async function orgIds(org: SeededOrg, other: SeededOrg): Promise<OrgIds> {
  return { ref: await refIds(org), vendor: await vendorIds(org, other) }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi
const NAME_COLUMNS = new Set(['name', 'email', 'account_label'])

/**
 * Strings that identify `org`'s data and are absent from `other`'s rows: every UUID in its rows (our ids, also inside
 * JSON columns) and its names, emails and account labels of six characters or more.
 */
export function markersOf(rows: Record<string, string[]>, otherRows: Record<string, string[]>): string[] {
  const collect = (snapshot: Record<string, string[]>) => {
    const found = new Set<string>()
    for (const serialised of Object.values(snapshot).flat()) {
      for (const match of serialised.match(UUID) ?? []) found.add(match.toLowerCase())
      for (const [key, value] of Object.entries(JSON.parse(serialised) as Record<string, unknown>)) {
        if (NAME_COLUMNS.has(key) && typeof value === 'string' && value.length >= 6) found.add(value)
      }
    }
    return found
  }
  const theirs = collect(otherRows)
  return [...collect(rows)].filter((m) => !theirs.has(m))
}
