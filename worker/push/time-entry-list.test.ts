import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { TimeEntryList } from '../../shared/api/push'
import { connectionWith } from '../../tools/test/propay/synced-fixtures'
import { call, orgWithAdmin } from '../../tools/test/fixtures'

const days = ['2026-05-01', '2026-05-02', '2026-05-03']

async function list(token: string, query: string) {
  const res = await call(`/api/v1/time-entries?${query}`, { token })
  expect(res.status, await res.clone().text()).toBe(200)
  return TimeEntryList.parse(await res.json())
}

describe('GET /api/v1/time-entries', () => {
  it('should page past 1,000 entries without losing or repeating one, oldest work date first', async () => {
    const { token, orgId } = await orgWithAdmin()
    const entries = Array.from({ length: 1203 }, (_, i) => ({ externalId: `t-${i}`, workerExternalId: 'w1', workDate: days[i % 3]!, hours: 1 }))
    const connectionId = await connectionWith(orgId, { timeEntries: entries })
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: z.infer<typeof TimeEntryList> = await list(token, `connectionId=${connectionId}&limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      seen.push(...page.timeEntries.map((t) => t.externalId!))
      const dates = page.timeEntries.map((t) => t.workDate!)
      expect(dates).toEqual([...dates].sort())
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(2)
    expect(seen).toHaveLength(1203)
    expect(new Set(seen).size).toBe(1203)
  })

  it('should filter by work date, inclusive, and default to pages of 500', async () => {
    const { token, orgId } = await orgWithAdmin()
    const connectionId = await connectionWith(orgId, { timeEntries: Array.from({ length: 900 }, (_, i) => ({ workerExternalId: 'w1', workDate: days[i % 3]!, hours: 1 })) })
    const middle = await list(token, `connectionId=${connectionId}&from=2026-05-02&to=2026-05-02`)
    expect(middle.timeEntries).toHaveLength(300)
    expect(middle.timeEntries.every((t) => t.workDate === '2026-05-02')).toBe(true)
    expect(middle.nextCursor).toBeNull()
    const all = await list(token, `connectionId=${connectionId}&from=2026-05-02`)
    expect(all.timeEntries).toHaveLength(500)
    expect(all.nextCursor).not.toBeNull()
  })

  it('should refuse bad paging and date parameters naming the field', async () => {
    const { token, orgId } = await orgWithAdmin()
    const connectionId = await connectionWith(orgId)
    for (const [query, field] of [
      ['from=2026-02-30', 'from'],
      ['from=2026-05-03&to=2026-05-01', 'from'],
      ['limit=0', 'limit'],
      ['limit=1001', 'limit'],
      ['cursor=nonsense', 'cursor'],
    ] as const) {
      const res = await call(`/api/v1/time-entries?connectionId=${connectionId}&${query}`, { token })
      expect(res.status, query).toBe(400)
      expect(await res.text(), query).toContain(field)
    }
  })
})
