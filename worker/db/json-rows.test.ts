import { env } from 'cloudflare:workers'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { runBatch } from '../propay/d1-batch'
import { withProPay } from '../../tools/test/propay/scenario'
import { createDb } from './client'
import { insertRowsJson, updateRowsJson } from './json-rows'
import { propays } from './schema'

const db = () => createDb(env.DB)
const byId = async (id: string) => (await db().select().from(propays).where(eq(propays.id, id)))[0]

describe('rows as one JSON parameter', () => {
  it('should store what a plain insert stores (JSON, booleans, nulls) and skip rows on conflict', async () => {
    const { propay } = await withProPay()
    const stored = (await byId(propay.id))!
    const copy = { ...stored, id: crypto.randomUUID(), scopeKey: `${stored.scopeKey}:copy`, costExclusionsLocked: true, attention: null }
    const [inserted, again] = await runBatch(db(), [
      ...insertRowsJson(propays, [copy], [propays.orgId, propays.scopeKey], propays.id),
      ...insertRowsJson(propays, [{ ...copy, id: crypto.randomUUID() }, stored], [propays.orgId, propays.scopeKey], propays.id),
    ])
    expect(inserted!.results).toEqual([{ id: copy.id }])
    expect(again!.results).toEqual([])
    expect(await byId(copy.id)).toEqual(copy)
  })

  it('should split rows into statements that each stay under D1’s limit on a string value', async () => {
    const { propay } = await withProPay()
    const stored = (await byId(propay.id))!
    const note = 'x'.repeat(5_000)
    const copies = Array.from({ length: 200 }, (_, i) => ({ ...stored, id: crypto.randomUUID(), scopeKey: `${stored.scopeKey}:${i}`, attention: note }))
    const statements = insertRowsJson(propays, copies, [propays.orgId, propays.scopeKey], propays.id)
    expect(statements.length).toBeGreaterThan(1)
    const results = await runBatch(db(), statements)
    expect(results.flatMap((r) => r.results)).toHaveLength(200)
  })

  it('should update the named columns of the rows it is given, within the condition', async () => {
    const { propay } = await withProPay()
    const stored = (await byId(propay.id))!
    const changes = { id: stored.id, breakdown: null, calculationIssues: [{ path: 'budget', message: 'x' }], attention: 'Look' }
    const [outside] = await runBatch(db(), updateRowsJson(propays, propays.id, ['breakdown', 'calculationIssues', 'attention'], [changes], eq(propays.status, 'approved')))
    expect(outside!.meta.changes).toBe(0)
    await runBatch(db(), updateRowsJson(propays, propays.id, ['breakdown', 'calculationIssues', 'attention'], [changes], and(eq(propays.orgId, stored.orgId), eq(propays.status, 'active'))!))
    expect(await byId(stored.id)).toEqual({ ...stored, ...changes })
  })
})
