import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { countingD1, emptyUsage } from '../../tools/dev/counting-bindings'
import { orgWithAdmin } from '../../tools/test/fixtures'
import { connectionWith } from '../../tools/test/propay/synced-fixtures'
import { createDb } from '../db/client'
import { organizations } from '../db/schema'
import { loadJobData } from './load-job-data'

const HOUR = 3600

async function oneJob(orgId: string) {
  return connectionWith(orgId, {
    jobs: [{ externalId: 'J1', name: 'Hedges', recurring: true }],
    milestones: [{ externalId: 'M1', jobExternalId: 'J1', status: 'in_progress', estimatedSeconds: 10 * HOUR }],
    workers: [{ externalId: 'a', name: 'Ana' }],
    wages: [{ workerExternalId: 'a', hourlyCents: 2500 }],
    timeEntries: [{ workerExternalId: 'a', milestoneExternalId: 'M1', hours: 2, workDate: '2026-05-04' }],
  })
}

/** loadJobData on a D1 that counts its round trips: a statement on its own is one, a whole batch is one. */
async function loadCounted(connectionId: string, jobIds: string[]) {
  const usage = emptyUsage()
  const data = await loadJobData(createDb(countingD1(env.DB, usage)), connectionId, jobIds)
  return { data, roundTrips: usage.d1Statements + usage.d1Batches, usage }
}

describe('loadJobData', () => {
  it("should read the organisation's locale and currency in the jobs' batch, not in a round trip of its own", async () => {
    const { orgId } = await orgWithAdmin()
    await createDb(env.DB).update(organizations).set({ locale: 'de-DE', currency: 'EUR' }).where(eq(organizations.id, orgId))
    const { data, roundTrips, usage } = await loadCounted(await oneJob(orgId), ['J1'])
    expect(data.money).toEqual({ locale: 'de-DE', currency: 'EUR' })
    expect([...data.jobs.keys()]).toEqual(['J1'])
    expect(data.entriesByMilestone.get('M1')).toHaveLength(1)
    // Jobs + milestones + organisation (one batch), entries and budgets by milestone (2), by job (2), wages (1).
    expect(usage.d1BatchedStatements).toBe(3)
    expect(roundTrips).toBe(6)
  })

  it('should leave en-US dollars out, and still read the organisation when no job is asked for', async () => {
    const { orgId } = await orgWithAdmin()
    const connectionId = await oneJob(orgId)
    expect((await loadCounted(connectionId, ['J1'])).data.money).toBeUndefined()
    await createDb(env.DB).update(organizations).set({ locale: 'en-GB', currency: 'GBP' }).where(eq(organizations.id, orgId))
    const none = await loadCounted(connectionId, [])
    expect(none.data.money).toEqual({ locale: 'en-GB', currency: 'GBP' })
    expect(none.data.jobs.size).toBe(0)
  })

  it('should read every chunk of a long job list, the organisation once', async () => {
    const { orgId } = await orgWithAdmin()
    const connectionId = await oneJob(orgId)
    const ids = [...Array.from({ length: 600 }, (_, i) => `X${i}`), 'J1']
    const { data, usage } = await loadCounted(connectionId, ids)
    expect([...data.jobs.keys()]).toEqual(['J1'])
    expect(data.milestonesByJob.get('J1')?.map((m) => m.externalId)).toEqual(['M1'])
    // Two chunks of jobs: the first batch carries the organisation as well.
    expect(usage.d1Batches).toBe(2)
    expect(usage.d1BatchedStatements).toBe(5)
  })
})
