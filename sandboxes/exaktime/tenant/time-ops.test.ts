import { describe, expect, it } from 'vitest'
import { EXAKTIME_DEMO } from '../sandbox'
import { harness, odata } from '../test/harness'
import { addDays, mondayOf } from './dates'
import { timeSummary } from './summary'

const key = EXAKTIME_DEMO.apiKey

// A Thursday afternoon in Chicago: the current week already has (unapproved) time.
const THURSDAY = Date.parse('2026-06-11T20:00:00Z')

function setup() {
  const h = harness(() => THURSDAY)
  const tenant = h.sandbox.tenants.get('acme')!
  return { ...h, tenant }
}

describe('generated time', () => {
  it('should bucket each day into REG up to 8 h, then OT1, then OT2', () => {
    const { tenant } = setup()
    const days = new Map<string, { reg: number; ot1: number; ot2: number }>()
    for (const r of tenant.data.timeRecords.filter((r) => !r.quarantined)) {
      const day = days.get(`${r.personId}|${r.workDate}`) ?? { reg: 0, ot1: 0, ot2: 0 }
      days.set(`${r.personId}|${r.workDate}`, { reg: day.reg + r.regularHours, ot1: day.ot1 + r.ot1Hours, ot2: day.ot2 + r.ot2Hours })
    }
    for (const d of days.values()) {
      expect(d.reg).toBeLessThanOrEqual(8)
      if (d.ot1 > 0) expect(d.reg).toBe(8)
      if (d.ot2 > 0) expect(d.ot1).toBe(4)
    }
    expect([...days.values()].some((d) => d.ot1 > 0)).toBe(true)
  })

  it('should leave the current week unapproved above employee level and its period open', () => {
    const { tenant } = setup()
    const monday = mondayOf(tenant.today())
    const current = tenant.data.approvals.filter((a) => a.workDate >= monday)
    expect(current.every((a) => a.level === 'Employee')).toBe(true)
    expect(tenant.data.payPeriods.filter((p) => p.endDate >= addDays(monday, -7)).every((p) => !p.closed)).toBe(true)
    expect(tenant.data.payPeriods.filter((p) => p.endDate < addDays(monday, -7)).every((p) => p.closed)).toBe(true)
    const summary = timeSummary(tenant.data, 'sign_off')
    expect(summary.waiting).toBeGreaterThan(0)
    expect(summary.quarantined).toBeGreaterThan(0)
    expect(timeSummary(tenant.data, 'supervisor').final).toBeGreaterThan(summary.final)
  })
})

describe('approvals, sign-off and pay periods', () => {
  it('should lock a signed-off day against edits, deletions and lower approvals', async () => {
    const { control, tenant } = setup()
    const record = tenant.data.timeRecords.find((r) => r.workDate >= mondayOf(tenant.today()))!
    expect((await control(`/tenants/acme/time-records/${record.id}`, { method: 'PATCH', json: { regularHours: 7 } })).status).toBe(200)
    const signed = await control('/tenants/acme/approvals', { json: { level: 'SignOff', from: record.workDate, to: record.workDate, personIds: [record.personId] } })
    expect(signed.body.days).toBe(1)
    const levels = tenant.data.approvals.filter((a) => a.personId === record.personId && a.workDate === record.workDate).map((a) => a.level).sort()
    expect(levels).toEqual(['Employee', 'SignOff', 'Supervisor'])
    const edit = await control(`/tenants/acme/time-records/${record.id}`, { method: 'PATCH', json: { regularHours: 6 } })
    expect(edit).toMatchObject({ status: 409, body: { error: { code: 'Locked', message: expect.stringMatching(/signed off/) } } })
    expect((await control(`/tenants/acme/time-records/${record.id}`, { method: 'DELETE' })).status).toBe(409)
    const lower = await control('/tenants/acme/approvals', { json: { level: 'Supervisor', from: record.workDate, to: record.workDate, personIds: [record.personId] } })
    expect(lower.status).toBe(409)
  })

  it('should lock a closed period and quarantine records that arrive after approval', async () => {
    const { control, tenant } = setup()
    const inOpen = tenant.data.timeRecords.find((r) => !tenant.data.approvals.some((a) => a.personId === r.personId && a.workDate === r.workDate))!
    const open = tenant.data.payPeriods.find((p) => p.id === inOpen.payPeriodId)!
    expect(open.closed).toBe(false)
    const fresh = await control('/tenants/acme/time-records', { json: { personId: inOpen.personId, workDate: inOpen.workDate, regularHours: 2 } })
    expect(fresh.body.quarantined).toBe(false)
    expect((await control(`/tenants/acme/pay-periods/${open.id}/close`, { method: 'POST' })).body.closed).toBe(true)
    expect((await control(`/tenants/acme/time-records/${inOpen.id}`, { method: 'PATCH', json: { ot1Hours: 1 } })).body.error.message).toMatch(/pay period .* is closed/)
    const late = await control('/tenants/acme/time-records', { json: { personId: inOpen.personId, workDate: inOpen.workDate, regularHours: 1 } })
    expect(late.body.quarantined).toBe(true)
    expect((await control(`/tenants/acme/time-records/${late.body.id}/release`, { method: 'POST' })).body.quarantined).toBe(false)
    await control(`/tenants/acme/pay-periods/${open.id}/open`, { method: 'POST' })
    expect((await control(`/tenants/acme/time-records/${inOpen.id}`, { method: 'PATCH', json: { ot1Hours: 1 } })).status).toBe(200)
  })
})

describe('the nightly warehouse refresh', () => {
  it('should hide changes until the next refresh, then show them', async () => {
    const { api, control, tenant } = setup()
    const count = async () => (await api(odata('DwTimeRecords', { $filter: 'TimeRecordId gt 0', $select: 'TimeRecordId', $top: 1000 }), key)).body.value.length
    const before = await count()
    const employee = tenant.data.employees[0]!
    await control('/tenants/acme/time-records', { json: { personId: employee.person_id, workDate: tenant.today() } })
    expect(await count()).toBe(before)
    const { body } = await control('/tenants/acme/refresh', { method: 'POST' })
    expect(await count()).toBe(before + 1)
    expect((await control('/tenants/acme')).body.warehouseRefreshedAt).toBe(body.refreshedAt)
  })

  it('should refresh by itself once the company clock passes 02:00, unless told not to', async () => {
    const { api, control, tenant } = setup()
    const employee = tenant.data.employees[0]!
    // Rows carry no load stamp (none is in any source): what a refresh shows is the records it loaded.
    const count = async () => (await api(odata('DwTimeRecords', { $top: 1000 }), key)).body.value.length
    const add = () => control('/tenants/acme/time-records', { json: { personId: employee.person_id, workDate: tenant.today() } })
    const first = await count()
    await add()
    await control('/tenants/acme/clock', { json: { advanceHours: 26 } })
    expect(await count()).toBe(first + 1)
    await control('/tenants/acme', { method: 'PATCH', json: { autoRefresh: false } })
    await add()
    await control('/tenants/acme/clock', { json: { advanceDays: 3 } })
    expect(await count()).toBe(first + 1)
    await control('/tenants/acme', { method: 'PATCH', json: { warehouse: 'live' } })
    expect(await count()).toBe(first + 2)
  })
})
