/**
 * Every value of every column of every table in the test database, as text: what a person with a copy
 * of the database could read.
 * @module
 */
import { env } from 'cloudflare:workers'
import type { Seen } from './canaries'

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

export async function tableNames(): Promise<string[]> {
  // sqlite_* and _cf_* are the engine's and Cloudflare's own bookkeeping, not readable through D1.
  const { results } = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name").all<{ name: string }>()
  return results.map((r) => r.name)
}

export async function d1Text(): Promise<Seen[]> {
  const seen: Seen[] = []
  for (const table of await tableNames()) {
    const { results: columns } = await env.DB.prepare(`PRAGMA table_info(${quoted(table)})`).all<{ name: string }>()
    const select = columns.map((c) => `CAST(${quoted(c.name)} AS TEXT)`).join(', ')
    const rows = await env.DB.prepare(`SELECT ${select} FROM ${quoted(table)}`).raw<Array<string | null>>()
    columns.forEach((column, i) => {
      const text = rows.map((row) => row[i] ?? '').join('\n')
      if (text) seen.push({ where: `D1 ${table}.${column.name}`, text })
    })
  }
  return seen
}
