import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { createDb } from '../db/client'
import worker from '../index'
import { ok } from '../../tools/test/propay/api'
import { scenario } from '../../tools/test/propay/scenario'
import { releaseDueHolds } from './release-due'

async function approvedWithHolds(name?: string) {
  const s = await scenario(name)
  await ok('updateBonusSettings', s.admin.token, '/api/v1/bonus-settings', {
    json: { holdPolicy: { waitingPeriodDays: 7, retentionDays: { crew: 0, crew_lead: 30, manager: 0, other: 0 } } },
  })
  const created = await ok('createProPay', s.admin.token, '/api/v1/propays', { json: { connectionId: s.connectionId, jobExternalId: 'J1' } }, 201)
  const detail = await ok('approveProPay', s.admin.token, `/api/v1/propays/${created.id}/approve`, { json: { approvalDate: '2026-05-06' } })
  const statuses = async () => (await ok('getProPay', s.admin.token, `/api/v1/propays/${created.id}`)).lineItems.map((i) => [i.workerId, i.role, i.status, i.heldUntil])
  return { ...s, detail, statuses }
}

describe('releasing holds that are over', () => {
  it('should move items to In Process once their hold ends, from the one-minute tick', async () => {
    const { statuses } = await approvedWithHolds()
    const tick = async (iso: string) => {
      const ctx = createExecutionContext()
      worker.scheduled(createScheduledController({ scheduledTime: Date.parse(iso), cron: '* * * * *' }), env, ctx)
      await waitOnExecutionContext(ctx)
    }
    // 04:00 UTC on the 13th is still the 12th in Chicago, the organisation's time zone.
    await tick('2026-05-13T04:00:00Z')
    expect((await statuses()).filter(([, , status]) => status === 'held')).toHaveLength(4)
    await tick('2026-05-13T06:00:00Z')
    expect(await statuses()).toEqual([
      ['boss', 'manager', 'in_process', null],
      ['w1', 'crew', 'in_process', null],
      ['w1', 'crew_lead', 'held', '2026-06-05'],
      ['w2', 'crew', 'in_process', null],
    ])
  })

  it('should leave manual holds alone and work org by org within its bounds', async () => {
    const a = await approvedWithHolds('Org A')
    const b = await approvedWithHolds('Org B')
    const manual = a.detail.lineItems.find((i) => i.workerId === 'w2')!
    await ok('releaseLineItem', a.admin.token, `/api/v1/line-items/${manual.id}/release`, { method: 'POST' })
    await ok('holdLineItem', a.admin.token, `/api/v1/line-items/${manual.id}/hold`, { json: {} })
    const db = createDb(env.DB)
    const at = Date.parse('2026-07-01T12:00:00Z')
    // One item per organisation per call: each call makes progress everywhere and never runs long.
    const first = await releaseDueHolds(db, at, '2026-07-01T12:00:00.000Z', { orgs: 50, itemsPerOrg: 1 })
    expect(first).toBeGreaterThanOrEqual(2)
    while ((await releaseDueHolds(db, at, '2026-07-01T12:00:00.000Z')) > 0);
    expect((await a.statuses()).map(([w, r, s]) => [w, r, s])).toContainEqual(['w2', 'crew', 'held'])
    expect((await b.statuses()).every(([, , s]) => s === 'in_process')).toBe(true)
    expect((await a.statuses()).filter(([, , s]) => s === 'held')).toHaveLength(1)
  })

  it('should serve organisations whose holds are over before ones whose holds end tomorrow in UTC', async () => {
    const early = await approvedWithHolds('Org tomorrow')
    const due = await approvedWithHolds('Org due')
    // Org "tomorrow" holds until 2026-07-02: the UTC bound lets it in, Chicago's date (07-01) does not release it.
    await env.DB.prepare("UPDATE line_items SET held_until = '2026-07-02' WHERE org_id = ?1").bind(early.admin.orgId).run()
    const released = await releaseDueHolds(createDb(env.DB), Date.parse('2026-07-01T12:00:00Z'), '2026-07-01T12:00:00.000Z', { orgs: 1, itemsPerOrg: 500 })
    expect(released).toBe(4)
    expect((await due.statuses()).every(([, , s]) => s === 'in_process')).toBe(true)
    expect((await early.statuses()).every(([, , s]) => s === 'held')).toBe(true)
  })
})
