import { describe, expect, it } from 'vitest'
import { EXAKTIME_DEMO } from '../sandbox'
import { harness } from '../test/harness'

const key = EXAKTIME_DEMO.apiKey

describe('Arcoro REST', () => {
  it('should page with page, page_size and next_page', async () => {
    const { api } = harness()
    const first = await api('/v1/Common/Persons/Employees?page=1&page_size=5', key)
    expect(first.body).toMatchObject({ page: 1, page_size: 5, total_count: 12, next_page: 2 })
    expect(first.body.data).toHaveLength(5)
    const last = await api('/v1/Common/Persons/Employees?page=3&page_size=5', key)
    expect(last.body).toMatchObject({ next_page: null, data: [expect.objectContaining({ person_id: 1011 }), expect.objectContaining({ person_id: 1012 })] })
    expect((await api('/v1/Common/Persons/Employees?page_size=101', key)).status).toBe(400)
    expect((await api('/v1/Common/Persons/Employees?page=0', key)).status).toBe(400)
  })

  it('should give an employee’s employment record with pay rates', async () => {
    const { api } = harness()
    const res = await api('/v1/Common/Persons/1001/Employees', key)
    expect(res.body.data[0]).toMatchObject({ status: 'Active', pay_type: 'Hourly', pay_rates: expect.arrayContaining([expect.objectContaining({ rate_code: 'REG', is_base_rate: true })]) })
    expect((await api('/v1/Common/Persons/9/Employees', key)).status).toBe(404)
  })

  it('should replace the whole job on PUT, resetting fields left out', async () => {
    const { api } = harness()
    const parent = (await api('/v1/Time/Jobs?page_size=100', key)).body.data.find((j: { parent_job_id: number | null }) => j.parent_job_id !== null)
    expect(parent.location_ids.length).toBeGreaterThan(0)
    const put = await api(`/v1/Time/Jobs/${parent.id}`, key, { method: 'PUT', json: { identifier: parent.identifier, name: 'Renamed' } })
    expect(put.body).toEqual({ id: parent.id, identifier: parent.identifier, name: 'Renamed', is_active: true, start_date: null, end_date: null, department: null, parent_job_id: null, location_ids: [], all_locations: false, is_certified: false })
    expect((await api(`/v1/Time/Jobs/${parent.id}`, key)).body.name).toBe('Renamed')
    expect((await api(`/v1/Time/Jobs/${parent.id}`, key, { method: 'PUT', json: { name: 'No identifier' } })).status).toBe(400)
    expect((await api(`/v1/Time/Jobs/${parent.id}`, key, { method: 'DELETE' })).status).toBe(404)
  })

  it('should keep cost code names unique and include the built-in In and Out', async () => {
    const { api } = harness()
    const codes = (await api('/v1/Time/CostCodes', key)).body.data
    expect(codes.slice(0, 2).map((c: { name: string; display_option: string }) => `${c.name}/${c.display_option}`)).toEqual(['In/system', 'Out/system'])
    expect((await api('/v1/Time/CostCodes', key, { method: 'POST', json: { identifier: '999', name: 'concrete' } })).status).toBe(409)
    expect((await api('/v1/Time/CostCodes', key, { method: 'POST', json: { identifier: '999', name: 'Demolition' } })).body).toMatchObject({ name: 'Demolition', is_active: true, display_option: 'default' })
  })

  it('should have no budget resource anywhere, and no Jobs for a Locations-only company', async () => {
    const { api, control } = harness()
    expect((await api('/v1/Time/Budgets', key)).status).toBe(404)
    const other = await control('/tenants', { json: { companyId: 'sites', jobSource: 'location' } })
    const otherKey = other.body.apiKeys[0].key
    expect((await api('/v1/Time/Jobs', otherKey)).body).toMatchObject({ data: [], next_page: null })
    expect((await api('/v1/Common/Locations', otherKey)).body.data).toHaveLength(4)
    const sets = (await api('/odata', otherKey)).body.value.map((s: { name: string }) => s.name)
    expect(sets.some((name: string) => /budget/i.test(name))).toBe(false)
  })
})
