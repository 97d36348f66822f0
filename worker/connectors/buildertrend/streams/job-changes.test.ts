import { describe, expect, it } from 'vitest'
import type { BtContext } from '../client'
import { BuildertrendSettings } from '../settings'
import type { BtPickerJob } from '../types'
import { endCursor, startChangePass, walkJobs } from './job-changes'

type Job = BtPickerJob & { jobId: number }
const job = (jobId: number, jobName = `Job ${jobId}`): Job => ({ jobId, jobName, status: 1, isClosed: false, projectedStartDate: null, actualStartDate: null, projectedClosingDate: null })
const jobs = [1, 2, 3, 4, 5].map((id) => job(id))
// 2026-05-20 03:00 UTC is still 2026-05-19 in Chicago.
const ctxAt = (iso: string) => ({ now: Date.parse(iso), orgTimeZone: 'America/Chicago', settings: BuildertrendSettings.parse({ syncStartDate: '2026-01-01' }) }) as unknown as BtContext
const state = (cursor: string | null) => ({ checkpoint: null, cursor, backfilled: cursor !== null })

/** One whole pass over `list` with pages of `limit` reads; the ids read and the cursor it leaves. */
async function pass(list: Job[], cursor: string | null, at: string, limit = 2) {
  let cp = startChangePass(ctxAt(at), state(cursor))
  const read: number[] = []
  for (let pages = 1; ; pages++) {
    const walk = await walkJobs(list, cp, cursor, limit)
    read.push(...walk.toRead.map((j) => j.jobId))
    cp = walk.pass
    if (walk.done) return { read, pages, cursor: endCursor(cp, cursor) }
  }
}

describe('per-job change detection from picker rows', () => {
  it('should read every job on the first pass, in pages of the limit', async () => {
    const first = await pass(jobs, null, '2026-05-20T03:00:00Z')
    expect(first).toMatchObject({ read: [1, 2, 3, 4, 5], pages: 3 })
    expect(JSON.parse(first.cursor)).toMatchObject({ fullOn: '2026-05-19' })
  })

  it('should read nothing in one page when no row changed that local day, and only new or changed rows', async () => {
    const { cursor } = await pass(jobs, null, '2026-05-20T03:00:00Z')
    expect(await pass(jobs, cursor, '2026-05-20T04:00:00Z')).toMatchObject({ read: [], pages: 1 })
    const edited = [job(1), job(2, 'Renamed'), job(3), job(5), job(6)]
    const partial = await pass(edited, cursor, '2026-05-20T04:00:00Z')
    expect(partial).toMatchObject({ read: [2, 6], pages: 1 })
    // The gone job drops out; a partial pass keeps the day of the last full one.
    expect(Object.keys(JSON.parse(partial.cursor).rows)).toEqual(['1', '2', '3', '5', '6'])
    expect(JSON.parse(partial.cursor).fullOn).toBe('2026-05-19')
    expect(await pass(edited, partial.cursor, '2026-05-20T04:30:00Z')).toMatchObject({ read: [] })
  })

  it('should read every job again on the first pass of the next local day', async () => {
    const { cursor } = await pass(jobs, null, '2026-05-20T03:00:00Z')
    // 04:59 UTC is 23:59 in Chicago, the same day; 05:00 UTC is the next.
    expect((await pass(jobs, cursor, '2026-05-20T04:59:00Z')).read).toEqual([])
    const next = await pass(jobs, cursor, '2026-05-20T05:00:00Z')
    expect(next.read).toEqual([1, 2, 3, 4, 5])
    expect(JSON.parse(next.cursor).fullOn).toBe('2026-05-20')
  })

  it('should treat an unreadable cursor as none', async () => {
    expect((await pass(jobs, '{not json', '2026-05-20T03:00:00Z')).read).toEqual([1, 2, 3, 4, 5])
    expect((await pass(jobs, '{"afterId":3}', '2026-05-20T03:00:00Z')).read).toEqual([1, 2, 3, 4, 5])
  })
})
