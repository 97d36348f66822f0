import { describe, expect, it } from 'vitest'
import { EmployeeList } from '../../shared/api/employees'
import { connectionWith } from '../../tools/test/propay/synced-fixtures'
import { call, orgWithAdmin, userWithRole } from '../../tools/test/fixtures'

const today = new Date().toISOString().slice(0, 10)
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

async function list(token: string, query = '') {
  const res = await call(`/api/v1/employees${query}`, { token })
  expect(res.status, await res.clone().text()).toBe(200)
  return EmployeeList.parse(await res.json())
}

async function orgWithCrew() {
  const org = await orgWithAdmin()
  const connectionId = await connectionWith(org.orgId, {
    workers: [
      { externalId: 'w-ann', name: 'Ann Baker', email: 'ann@example.test', active: true },
      { externalId: 'w-bob', name: 'Bob Cole', active: true },
      { externalId: 'w-cy', name: 'Cy Dunn', active: false, terminatedDate: '2026-01-31' },
    ],
    wages: [
      { workerExternalId: 'w-ann', effectiveDate: '2025-01-01', hourlyCents: 2000 },
      { workerExternalId: 'w-ann', effectiveDate: daysFromNow(-3), hourlyCents: 2250, burdenBasisPoints: 1500 },
      // A raise that has not taken effect yet is not the current wage.
      { workerExternalId: 'w-ann', effectiveDate: daysFromNow(10), hourlyCents: 2600 },
      { workerExternalId: 'w-cy', effectiveDate: daysFromNow(5), hourlyCents: 1800 },
    ],
  })
  return { ...org, connectionId }
}

describe('GET /api/v1/employees', () => {
  it('should list synced employees with the wage in force today, in integer cents', async () => {
    const org = await orgWithCrew()
    const { employees, nextCursor } = await list(org.token)
    expect(nextCursor).toBeNull()
    expect(employees.map((e) => e.name)).toEqual(['Ann Baker', 'Bob Cole', 'Cy Dunn'])
    expect(employees[0]).toMatchObject({
      connectionId: org.connectionId,
      vendor: 'aspire',
      externalId: 'w-ann',
      email: 'ann@example.test',
      active: true,
      currentWage: { hourlyCents: 2250, burdenBasisPoints: 1500, effectiveDate: daysFromNow(-3) },
    })
    expect(employees[0]!.currentWage!.effectiveDate <= today).toBe(true)
    expect(employees[1]!.currentWage).toBeNull()
    // Only a future wage: none in force yet.
    expect(employees[2]).toMatchObject({ active: false, terminatedDate: '2026-01-31', currentWage: null })
    expect((await list(org.token, '?active=true')).employees.map((e) => e.externalId)).toEqual(['w-ann', 'w-bob'])
    expect((await list(org.token, '?active=false')).employees.map((e) => e.externalId)).toEqual(['w-cy'])
  })

  it('should let admins and managers in, and no one else', async () => {
    const org = await orgWithCrew()
    const manager = await userWithRole(org.token, 'manager')
    expect((await list(manager.token)).employees).toHaveLength(3)
    for (const role of ['crew_lead', 'worker'] as const) {
      const user = await userWithRole(org.token, role)
      expect((await call('/api/v1/employees', { token: user.token })).status, role).toBe(403)
    }
    expect((await call('/api/v1/employees')).status).toBe(401)
  })

  it("should show only the caller's organisation and answer another's connection as not found", async () => {
    const mine = await orgWithCrew()
    const theirs = await orgWithCrew()
    const { employees } = await list(mine.token)
    expect(employees.every((e) => e.connectionId === mine.connectionId)).toBe(true)
    const res = await call(`/api/v1/employees?connectionId=${theirs.connectionId}`, { token: mine.token })
    expect(res.status).toBe(404)
    const unknown = await call(`/api/v1/employees?connectionId=${crypto.randomUUID()}`, { token: mine.token })
    expect(await res.text()).toBe(await unknown.text())
    expect((await list(mine.token, `?connectionId=${mine.connectionId}`)).employees).toHaveLength(3)
  })

  it('should page by name without repeating or skipping anyone', async () => {
    const org = await orgWithAdmin()
    // Equal names too: the id breaks the tie.
    const names = ['Zoe', 'Al', 'Mo', 'Al', 'Ré', 'Al', 'Bea']
    await connectionWith(org.orgId, { workers: names.map((name, i) => ({ externalId: `w${i}`, name })) })
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(org.token, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(page.employees.length).toBeLessThanOrEqual(2)
      seen.push(...page.employees.map((e) => e.externalId))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.sort()).toEqual(names.map((_, i) => `w${i}`).sort())
  })

  it('should refuse a bad query naming the field', async () => {
    const org = await orgWithAdmin()
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=two', 'limit'],
      ['active=yes', 'active'],
      ['cursor=not-a-cursor', 'cursor'],
      [`cursor=${btoa('{"name":1}')}`, 'cursor'],
    ] as const) {
      const res = await call(`/api/v1/employees?${query}`, { token: org.token })
      expect(res.status, query).toBe(400)
      expect(await res.text(), query).toContain(field)
    }
  })
})
