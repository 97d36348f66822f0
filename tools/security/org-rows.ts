/**
 * Every row an organisation owns, read generically from D1's catalogue so that a table added later is included
 * without anyone listing it: rows with the org's `org_id`, rows of its connections (`connection_id`) or of its users
 * (`user_id`), and its `organizations` row. A table with none of these columns must be declared global here,
 * or the snapshot refuses to run — it cannot tell whose rows such a table holds.
 * @module
 */
import { env } from 'cloudflare:workers'

/** Tables that hold no organisation's data. */
const GLOBAL_TABLES = new Set(['d1_migrations', 'heartbeats', 'sqlite_sequence'])
/** D1's own tables; `login_%` tables record sign-in attempts by email, before any org is known. */
const isInfrastructure = (table: string) => /^(_cf_|sqlite_)/.test(table) || /^login_/.test(table)

export async function tableNames(): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all<{ name: string }>()
  return results.map((r) => r.name).filter((name) => !isInfrastructure(name))
}

export async function columnsOf(table: string): Promise<string[]> {
  const { results } = await env.DB.prepare('SELECT name FROM pragma_table_info(?1)').bind(table).all<{ name: string }>()
  return results.map((r) => r.name)
}

const inList = (values: readonly string[]) => `(${values.map(() => '?').join(', ')})`

/** Each table's rows owned by the org, every column, serialised and sorted, so two snapshots compare byte for byte. */
export async function orgRows(orgId: string): Promise<Record<string, string[]>> {
  const connectionIds = (await env.DB.prepare('SELECT id FROM connections WHERE org_id = ?1').bind(orgId).all<{ id: string }>()).results.map((r) => r.id)
  const userIds = (await env.DB.prepare('SELECT id FROM users WHERE org_id = ?1').bind(orgId).all<{ id: string }>()).results.map((r) => r.id)
  const snapshot: Record<string, string[]> = {}
  for (const table of await tableNames()) {
    const columns = await columnsOf(table)
    let where: { sql: string; values: string[] }
    if (table === 'organizations') where = { sql: 'id = ?', values: [orgId] }
    else if (columns.includes('org_id')) where = { sql: 'org_id = ?', values: [orgId] }
    else if (columns.includes('connection_id')) where = { sql: `connection_id IN ${inList(connectionIds)}`, values: connectionIds }
    else if (columns.includes('user_id')) where = { sql: `user_id IN ${inList(userIds)}`, values: userIds }
    else if (GLOBAL_TABLES.has(table)) continue
    else throw new Error(`table ${table} has no org_id, connection_id or user_id column: say whose rows it holds in org-rows.ts`)
    if (where.values.length === 0) {
      snapshot[table] = []
      continue
    }
    const { results } = await env.DB.prepare(`SELECT * FROM "${table}" WHERE ${where.sql}`).bind(...where.values).all()
    snapshot[table] = results.map((row) => JSON.stringify(row)).sort()
  }
  return snapshot
}
