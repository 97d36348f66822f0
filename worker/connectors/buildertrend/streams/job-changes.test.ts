import { describe, expect, it } from 'vitest'
import type { BtContext } from '../client'
import { BuildertrendSettings } from '../settings'
import type { BtPickerJob } from '../types'
import { endCursor, slotOf, startChangePass, walkJobs } from './job-changes'

type Job = BtPickerJob & { jobId: number }
const job = (jobId: number, jobName = `Job ${jobId}`): Job => ({ jobId, jobName, status: 1, isClosed: false, projectedStartDate: null, actualStartDate: null, projectedClosingDate: null })
const jobs = [1, 2, 3, 4, 5].map((id) => job(id))
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
    expect(JSON.parse(first.cursor)).toMatchObject({ spreadAt: '2026-05-20T03:00:00.000Z' })
  })

  it('should read nothing in one page when no row changed and no job’s time of day came, and only new or changed rows', async () => {
    // Jobs 1–5 fall due at 14:49, 05:39, 20:29, 11:19 and 02:09 UTC: none between 03:00 and 04:30.
    expect([1, 2, 3, 4, 5].map((id) => new Date(slotOf(id)).toISOString().slice(11, 16))).toEqual(['14:49', '05:39', '20:29', '11:19', '02:09'])
    const { cursor } = await pass(jobs, null, '2026-05-20T03:00:00Z')
    expect(await pass(jobs, cursor, '2026-05-20T04:00:00Z')).toMatchObject({ read: [], pages: 1 })
    const edited = [job(1), job(2, 'Renamed'), job(3), job(5), job(6)]
    const partial = await pass(edited, cursor, '2026-05-20T04:00:00Z')
    expect(partial).toMatchObject({ read: [2, 6], pages: 1 })
    // The gone job drops out.
    expect(Object.keys(JSON.parse(partial.cursor).rows)).toEqual(['1', '2', '3', '5', '6'])
    expect(await pass(edited, partial.cursor, '2026-05-20T04:30:00Z')).toMatchObject({ read: [] })
  })

  it('should read each job again once a day, at its own time of day, and every job after a day without a pass', async () => {
    let { cursor } = await pass(jobs, null, '2026-05-20T03:00:00Z')
    const reads: Record<number, string[]> = {}
    // A pass every 15 minutes for a day: each job is read once, in the pass after its time of day.
    for (let at = Date.parse('2026-05-20T03:15:00Z'); at <= Date.parse('2026-05-21T03:00:00Z'); at += 15 * 60_000) {
      const next = await pass(jobs, cursor, new Date(at).toISOString())
      for (const id of next.read) (reads[id] ??= []).push(new Date(at).toISOString().slice(11, 16))
      cursor = next.cursor
    }
    expect(reads).toEqual({ 1: ['15:00'], 2: ['05:45'], 3: ['20:30'], 4: ['11:30'], 5: ['02:15'] })
    expect((await pass(jobs, cursor, '2026-05-22T03:01:00Z')).read, 'a day and more since the last pass').toEqual([1, 2, 3, 4, 5])
  })

  it('should spread 280 jobs in a row over the day, a few per 15-minute cycle', () => {
    const perQuarter = new Map<number, number>()
    for (let id = 4001; id <= 4280; id++) perQuarter.set(Math.floor(slotOf(id) / 900_000), (perQuarter.get(Math.floor(slotOf(id) / 900_000)) ?? 0) + 1)
    expect(Math.max(...perQuarter.values())).toBeLessThanOrEqual(4)
  })

  it('should treat an unreadable cursor as none', async () => {
    expect((await pass(jobs, '{not json', '2026-05-20T03:00:00Z')).read).toEqual([1, 2, 3, 4, 5])
    expect((await pass(jobs, '{"afterId":3}', '2026-05-20T03:00:00Z')).read).toEqual([1, 2, 3, 4, 5])
  })
})
