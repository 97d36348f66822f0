import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { CanonicalRow } from './connector'
import { forgetSeen, holdsOutside, recordSeen, softDeleteUnseen } from './presence'
import { sha256Base64Url } from '../util/sha256'
import { existingIds, planPages, planUpserts } from './write-page'
import { tableSql } from './synced-sql'

const scope = { orgId: 'org-1', connectionId: 'conn-1', now: '2026-11-22T10:00:00.000Z' }
const branch = (id: string, name: string): CanonicalRow<'branches'> => ({ externalId: id, name, timeZone: 'America/Chicago', active: true })

async function write(rows: CanonicalRow<'branches'>[], now = scope.now) {
  const planned = await planUpserts(env.DB, { ...scope, now }, 'branches', rows)
  if (planned.statements.length) await env.DB.batch(planned.statements)
  return planned.counts
}

const all = async () => (await env.DB.prepare('SELECT external_id, name, deleted_at, updated_at FROM branches ORDER BY external_id').all()).results

describe('planUpserts', () => {
  it('should insert new rows, skip identical ones and update changed ones', async () => {
    expect(await write([branch('1', 'North'), branch('2', 'South')])).toEqual({ added: 2, updated: 0, unchanged: 0 })
    expect(await write([branch('1', 'North'), branch('2', 'South')], '2026-11-22T11:00:00.000Z')).toEqual({ added: 0, updated: 0, unchanged: 2 })
    // Identical payloads are not written at all: updated_at keeps the first write's time.
    expect((await all()).map((r) => r.updated_at)).toEqual([scope.now, scope.now])
    expect(await write([branch('1', 'North'), branch('2', 'South-East')])).toEqual({ added: 0, updated: 1, unchanged: 1 })
    expect((await all()).map((r) => r.name)).toEqual(['North', 'South-East'])
  })

  it('should keep the last copy when a page repeats a record', async () => {
    expect(await write([branch('1', 'Old'), branch('1', 'New')])).toEqual({ added: 1, updated: 0, unchanged: 0 })
    expect((await all()).map((r) => r.name)).toEqual(['New'])
  })

  it('should split a large page into several statements, each within D1 limits', async () => {
    // ~1.5 MB of rows: more than one bound JSON string may hold.
    const rows = Array.from({ length: 3000 }, (_, i) => branch(String(i), `Branch ${i} ${'x'.repeat(400)}`))
    const planned = await planUpserts(env.DB, scope, 'branches', rows)
    expect(planned.statements.length).toBeGreaterThan(1)
    await env.DB.batch(planned.statements)
    expect((await env.DB.prepare('SELECT count(*) AS n FROM branches').first<{ n: number }>())!.n).toBe(3000)
  })
})

describe('planPages', () => {
  it('should count and store pages planned together as if each were written after the one before', async () => {
    await write([branch('1', 'North')])
    const planned = await planPages(env.DB, scope, [
      [{ table: 'branches', rows: [branch('1', 'North'), branch('2', 'South')] }],
      // The vendor repeats record 2 on the next page, changed, and record 1 unchanged.
      [{ table: 'branches', rows: [branch('2', 'South-East'), branch('1', 'North'), branch('3', 'West')] }],
    ])
    expect(planned.map((p) => p.counts)).toEqual([
      { added: 1, updated: 0, unchanged: 1 },
      { added: 1, updated: 1, unchanged: 1 },
    ])
    await env.DB.batch(planned.flatMap((p) => p.statements))
    expect((await all()).map((r) => r.name)).toEqual(['North', 'South-East', 'West'])
  })

  it('should read the hashes of rows stored before the row hash without counting their data as changed', async () => {
    await write([branch('1', 'North'), branch('2', 'South')])
    // As a row written by the SHA-256 of its sorted-key payload looks (the stored form before row-hash.ts).
    const sql = tableSql('branches')
    for (const row of [branch('1', 'North'), branch('2', 'South')]) {
      const legacy = await sha256Base64Url(sql.legacyPayloadText(row))
      await env.DB.prepare('UPDATE branches SET data_hash = ?1 WHERE external_id = ?2').bind(legacy, row.externalId).run()
    }
    const later = '2026-11-22T11:00:00.000Z'
    expect(await write([branch('1', 'North'), branch('2', 'South-West')], later)).toEqual({ added: 0, updated: 1, unchanged: 1 })
    const rows = (await env.DB.prepare('SELECT external_id, name, data_hash, updated_at FROM branches ORDER BY external_id').all<Record<string, string>>()).results
    // The same data keeps its time and gets the new hash; the changed row is written.
    expect(rows.map((r) => [r.name, r.updated_at, r.data_hash!.startsWith('2:')])).toEqual([
      ['North', scope.now, true],
      ['South-West', later, true],
    ])
    expect(await write([branch('1', 'North'), branch('2', 'South-West')], later)).toEqual({ added: 0, updated: 0, unchanged: 2 })
  })
})

describe('deletion by absence', () => {
  it('should soft-delete only rows a complete pass did not see, and bring them back when they return', async () => {
    await write([branch('1', 'A'), branch('2', 'B'), branch('3', 'C')])
    await env.DB.batch([forgetSeen(env.DB, 'conn-1', 'Branches'), ...recordSeen(env.DB, 'conn-1', 'Branches', ['1', '3'])])
    const [result] = await env.DB.batch([softDeleteUnseen(env.DB, 'conn-1', 'Branches', { table: 'branches' }, '2026-11-22T12:00:00.000Z')])
    expect(result!.meta.changes).toBe(1)
    expect((await all()).map((r) => [r.external_id, r.deleted_at])).toEqual([
      ['1', null],
      ['2', '2026-11-22T12:00:00.000Z'],
      ['3', null],
    ])
    expect([...(await existingIds(env.DB, 'conn-1', 'branches', ['1', '2', '3']))].sort()).toEqual(['1', '3'])
    expect(await write([branch('2', 'B')])).toEqual({ added: 0, updated: 1, unchanged: 0 })
    expect((await all()).find((r) => r.external_id === '2')!.deleted_at).toBeNull()
  })

  it('should soft-delete only inside the values a scope lists (e.g. the jobs a pass read)', async () => {
    await write([branch('1', 'A'), branch('2', 'B'), branch('3', 'C'), branch('4', 'A')])
    await env.DB.batch([forgetSeen(env.DB, 'conn-1', 'Branches'), ...recordSeen(env.DB, 'conn-1', 'Branches', ['1'])])
    const within = { column: 'name', values: ['A', 'B'] }
    await env.DB.batch([softDeleteUnseen(env.DB, 'conn-1', 'Branches', { table: 'branches', within }, '2026-11-22T12:00:00.000Z')])
    expect((await all()).filter((r) => r.deleted_at).map((r) => r.external_id)).toEqual(['2', '4'])
    expect(() => softDeleteUnseen(env.DB, 'conn-1', 'Branches', { table: 'branches', within: { column: 'nope', values: [] } }, scope.now)).toThrow(/unknown column nope/)
  })

  it('should tell whether a pass that saw these ids would delete anything, in the scope and the connection only', async () => {
    await write([branch('1', 'A'), branch('2', 'B'), branch('3', 'A')])
    expect(await holdsOutside(env.DB, 'conn-1', { table: 'branches' }, ['1', '2', '3', '4'])).toBe(false)
    expect(await holdsOutside(env.DB, 'conn-1', { table: 'branches' }, ['1', '3'])).toBe(true)
    expect(await holdsOutside(env.DB, 'conn-1', { table: 'branches', within: { column: 'name', values: ['A'] } }, ['1', '3'])).toBe(false)
    expect(await holdsOutside(env.DB, 'conn-2', { table: 'branches' }, [])).toBe(false)
    // A soft-deleted row is not held: a pass that no longer sees it deletes nothing more.
    await env.DB.batch([forgetSeen(env.DB, 'conn-1', 'Branches'), ...recordSeen(env.DB, 'conn-1', 'Branches', ['1', '3'])])
    await env.DB.batch([softDeleteUnseen(env.DB, 'conn-1', 'Branches', { table: 'branches' }, scope.now)])
    expect(await holdsOutside(env.DB, 'conn-1', { table: 'branches' }, ['1', '3'])).toBe(false)
  })

  it("should never touch another connection's rows", async () => {
    await write([branch('1', 'A')])
    const other = await planUpserts(env.DB, { ...scope, connectionId: 'conn-2' }, 'branches', [branch('1', 'A')])
    await env.DB.batch(other.statements)
    await env.DB.batch([softDeleteUnseen(env.DB, 'conn-1', 'Branches', { table: 'branches' }, scope.now)])
    const rows = (await env.DB.prepare('SELECT connection_id, deleted_at FROM branches ORDER BY connection_id').all()).results
    expect(rows).toEqual([
      { connection_id: 'conn-1', deleted_at: scope.now },
      { connection_id: 'conn-2', deleted_at: null },
    ])
  })
})
