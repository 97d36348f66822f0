import { describe, expect, it } from 'vitest'
import { KEY_HEADER } from '../api/guard'
import { createExakTimeSandbox } from '../sandbox'
import { odata } from '../test/harness'
import { generateTenantData } from './generate'

const input = { seed: 's', size: 'demo' as const, jobSource: 'job' as const, timeZone: 'America/Chicago', today: '2026-11-18' }

describe('ExakTime sandbox, hostile tenants', () => {
  it('should be deterministic from the seed, with the same records as without the option', () => {
    const hostile = generateTenantData({ ...input, hostile: true })
    expect(generateTenantData({ ...input, hostile: true })).toEqual(hostile)
    const plain = generateTenantData(input)
    expect(hostile.timeRecords.map((r) => r.id)).toEqual(plain.timeRecords.map((r) => r.id))
    expect(hostile.employees.map((e) => e.person_id)).toEqual(plain.employees.map((e) => e.person_id))
    expect(hostile).not.toEqual(plain)
  })

  it('should carry markup names, numbers as strings, absurd numbers, nulls and impossible dates', () => {
    const data = generateTenantData({ ...input, hostile: true })
    const loose = data.timeRecords as unknown as Array<Record<string, unknown>>
    expect(data.employees.some((e) => e.first_name?.startsWith('<img src=x onerror=window.__xss=1>'))).toBe(true)
    expect(data.employees.some((e) => e.first_name === null && e.last_name === null)).toBe(true)
    expect(data.costCodes.every((c) => /[<>'"\u202E]|👷/u.test(c.name))).toBe(true)
    expect(new Set(data.costCodes.map((c) => c.name.toLowerCase())).size).toBe(data.costCodes.length)
    expect(loose.map((r) => r.regularHours)).toEqual(expect.arrayContaining([-8, 1e9, '8.5', 'abc']))
    expect(loose.some((r) => r.personId === null)).toBe(true)
    const amounts = data.employees.flatMap((e) => e.pay_rates.map((p) => p.amount as unknown))
    expect(amounts).toEqual(expect.arrayContaining(['24.35', 1e15, -5, 0, null, 'abc']))
    expect(data.employees.flatMap((e) => e.pay_rates.map((p) => p.effective_date as unknown))).toEqual(expect.arrayContaining(['2026-02-30', '0000-00-00', null]))
    expect(data.jobs[0]).toMatchObject({ start_date: '2026-13-01', end_date: 'not a date' })
  })

  it('should serve the hostile records over REST and the warehouse', async () => {
    const sandbox = createExakTimeSandbox()
    const tenant = sandbox.createTenant({ size: 'small', hostile: true })
    const key = tenant.keys[0]!.key
    const get = async (path: string) => {
      const res = await sandbox.app.request(path, { headers: { [KEY_HEADER]: key } })
      expect(res.status, path).toBe(200)
      return (await res.json()) as { data?: unknown[]; value?: unknown[] }
    }
    expect((await get('/v1/Common/Persons/Employees?page_size=100')).data!.length).toBe(tenant.data.employees.length)
    const filtered = await get(odata('DwTimeRecords', { $filter: `WorkDate ge 2000-01-01 and TimeRecordId gt 0`, $orderby: 'TimeRecordId', $top: 1000 }))
    expect(filtered.value!.length).toBe(tenant.data.timeRecords.length)
  })
})
