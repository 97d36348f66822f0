import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { probeRowsReader } from './jsonb-probe'
import type { RowsReader } from './rows-reader'
import { tableSql } from './synced-sql'

/** A D1 whose every statement fails with `message`: what an older SQLite, or a D1 in trouble, answers. */
const failingD1 = (message: string) =>
  ({ prepare: () => ({ bind: () => ({ first: () => Promise.reject(new Error(message)) }) }) }) as unknown as D1Database

// Values that a JSON reader could turn into something else: escapes, non-BMP and right-to-left text, numbers at
// the edge of exactness, text that looks like a number, booleans, nulls, empty strings.
const tricky: Array<Record<string, unknown>> = [
  { externalId: 'a"1', workerExternalId: 'quote " back \\ slash', jobExternalId: '007', workDate: '2026-01-02', durationSeconds: 9007199254740991, overtimeSeconds: 3600, doubleTimeSeconds: 0, isDrive: true, approval: 'approved', hourlyCents: -2500, costCents: 0 },
  { externalId: '👷🏽‍♀️', workerExternalId: '\u202Eלא\u200B', jobExternalId: 'line\nbreak\ttab', workDate: '2026-12-31', durationSeconds: 0, overtimeSeconds: 0, doubleTimeSeconds: 0, isDrive: false, approval: 'provisional', hourlyCents: null, costCents: null },
  { externalId: '', workerExternalId: '', jobExternalId: null, workDate: '1999-01-01', durationSeconds: 1, overtimeSeconds: 0, doubleTimeSeconds: 7, isDrive: false, approval: 'approved', hourlyCents: 1, costCents: 123456789012 },
]

async function storeThrough(reader: RowsReader, connectionId: string) {
  const sql = tableSql('timeEntries')
  const texts = tricky.map((row, i) =>
    sql.rowText({ id: `${connectionId}-${i}`, externalId: row.externalId as string, dataHash: `h${i}`, vendorModified: i ? null : '2026-01-02T03:04:05Z' }, sql.payloadArrayText(row)),
  )
  await env.DB.prepare(sql.upsert[reader]).bind('org-rows-reader', connectionId, '2026-12-03T00:00:00.000Z', `[${texts.join(',')}]`).run()
  const { results } = await env.DB.prepare('SELECT * FROM time_entries WHERE connection_id = ?1 ORDER BY external_id').bind(connectionId).all<Record<string, unknown>>()
  return results.map(({ id: _, connection_id: __, ...rest }) => rest)
}

describe('reading rows out of the JSON parameter', () => {
  it('should find that this D1 reads JSONB', async () => {
    expect(await probeRowsReader(env.DB)).toBe('jsonb')
  })

  it('should fall back to the JSON text functions when D1 has no JSONB, and not when D1 itself fails', async () => {
    expect(await probeRowsReader(failingD1('D1_ERROR: no such table: jsonb_each: SQLITE_ERROR'))).toBe('text')
    expect(await probeRowsReader(failingD1('D1_ERROR: no such function: jsonb: SQLITE_ERROR'))).toBe('text')
    await expect(probeRowsReader(failingD1('D1_ERROR: Network connection lost.'))).rejects.toThrow(/Network connection lost/)
  })

  it('should store exactly the same values whichever way the rows are read', async () => {
    const viaJsonb = await storeThrough('jsonb', 'conn-rows-jsonb')
    const viaText = await storeThrough('text', 'conn-rows-text')
    expect(viaJsonb).toHaveLength(tricky.length)
    expect(viaJsonb).toEqual(viaText)
    // And what was stored is what was given, not merely the same mistake twice.
    const emoji = viaJsonb.find((r) => r.external_id === '👷🏽‍♀️')!
    expect(emoji).toMatchObject({ worker_external_id: '\u202Eלא\u200B', job_external_id: 'line\nbreak\ttab', is_drive: 0, hourly_cents: null, approval: 'provisional' })
    expect(viaJsonb.find((r) => r.external_id === 'a"1')).toMatchObject({ worker_external_id: 'quote " back \\ slash', job_external_id: '007', duration_seconds: 9007199254740991, is_drive: 1, vendor_modified: '2026-01-02T03:04:05Z' })
  })
})
