import { beforeAll, describe, expect, it } from 'vitest'
import { createAspireSandbox } from '../sandbox'
import type { Tenant } from '../tenant/tenant'
import { FIXED_NOW, q } from './harness'

/**
 * The large tenant (300 employees, 2,000 tickets, 250,000 time entries) behind the sync benchmarks: its
 * volume and the correctness of filtered pages over it. Speed is measured in bench/, not asserted here
 * (timed tests fail on a busy machine); the timings are logged for information.
 */
const measure = async <T>(work: () => T | Promise<T>) => {
  const wall = performance.now()
  const cpu = process.cpuUsage()
  const result = await work()
  const used = process.cpuUsage(cpu)
  return { result, cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

describe('large tenant', () => {
  const sandbox = createAspireSandbox({ now: () => FIXED_NOW })
  let tenant: Tenant
  let generation = { cpuMs: 0, wallMs: 0 }

  beforeAll(async () => {
    const measured = await measure(() => sandbox.createTenant({ size: 'large', anchorDate: '2026-11-18' }))
    tenant = measured.result
    generation = measured
  }, 120_000)

  const get = async (path: string) => {
    const login = await sandbox.app.request('/Authorization', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ClientId: tenant.clientId, Secret: tenant.options.secret }),
    })
    const { Token } = (await login.json()) as { Token: string }
    return measure(async () => (await (await sandbox.app.request(path, { headers: { Authorization: `Bearer ${Token}` } })).json()) as Array<Record<string, unknown>>)
  }

  it('should generate the requested volume', () => {
    console.log(`large tenant generated in ${Math.round(generation.cpuMs)} ms CPU (${Math.round(generation.wallMs)} ms wall)`, tenant.counts())
    expect(tenant.counts()).toMatchObject({ WorkTickets: 2000, WorkTicketTimes: 250_000 })
    expect(tenant.data.Contacts.all().filter((contact) => contact.ContactTypeName === 'Employee')).toHaveLength(300)
  })

  it('should serve watermark pages of 1000 rows ordered by LastModifiedDateTime', async () => {
    const stamps = tenant.data.WorkTicketTimes.all().map((row) => row.LastModifiedDateTime!)
    const watermark = [...stamps].sort()[Math.floor(stamps.length / 3)]!
    const path = (page: number) =>
      `/WorkTicketTimes${q({ $filter: `LastModifiedDateTime ge ${watermark}Z`, $orderby: 'LastModifiedDateTime asc', $limit: 1000, $pageNumber: page })}`
    const first = await get(path(1))
    const later = []
    for (let page = 2; page <= 11; page++) later.push(await get(path(page * 10)))
    console.log(
      `first page (builds the sorted view) ${first.cpuMs.toFixed(0)} ms CPU; later pages median ${median(later.map((p) => p.cpuMs)).toFixed(1)} ms CPU, ` +
        `${median(later.map((p) => p.wallMs)).toFixed(1)} ms wall`,
    )
    expect(first.result).toHaveLength(1000)
    expect(first.result.every((row) => (row.LastModifiedDateTime as string) >= watermark)).toBe(true)
    expect(later.every((page) => page.result.length === 1000)).toBe(true)
  })

  it('should serve a filter on a non-indexed field over all 250k rows', async () => {
    const contactId = tenant.data.WorkTicketTimes.all()[0]!.ContactID
    const page = await get(`/WorkTicketTimes${q({ $filter: `ContactID eq ${contactId} and Hours gt 0.5`, $limit: 1000 })}`)
    console.log(`full-scan filter page: ${page.result.length} rows in ${page.cpuMs.toFixed(1)} ms CPU (${page.wallMs.toFixed(1)} ms wall)`)
    expect(page.result.length).toBeGreaterThan(100)
    expect(page.result.every((row) => row.ContactID === contactId && (row.Hours as number) > 0.5)).toBe(true)
  })
})
