/**
 * A time entry created here → `POST /WorkTicketTimes`. Aspire has no update or delete for them, and no
 * idempotency key: a create whose answer was lost is found again by its natural key (worker, ticket,
 * start) — unique because one worker's entries may not overlap — before anything is sent twice.
 * @module
 */
import type { PushContext, PushItem, PushOutcome } from '../../../sync/connector'
import { utcToLocal } from '../../../util/zoned-time'
import { listAspire } from '../client'
import { odataDateTime } from '../odata-literal'
import type { AspireCredentials, AspireSettings } from '../settings'
import type { AspireWorkTicketTime } from '../types'
import { AspireRefused, writeAspire } from '../write'

export interface TimeEntryPayload {
  workerExternalId: string
  milestoneExternalId: string
  startAt: string
  endAt: string
  timeZone: string
  routeExternalId?: string | null
  crewLeaderExternalId?: string | null
}

type Ctx = PushContext<AspireCredentials, AspireSettings>

async function findExisting(ctx: Ctx, p: TimeEntryPayload, start: string): Promise<string | null> {
  const rows = await listAspire<AspireWorkTicketTime>(ctx, '/WorkTicketTimes', {
    filter: `ContactID eq ${Number(p.workerExternalId)} and WorkTicketID eq ${Number(p.milestoneExternalId)} and StartTime eq ${odataDateTime(start)}`,
    select: 'WorkTicketTimeID,StartTime',
    limit: 10,
    pageNumber: 1,
  })
  const claimed = await ctx.claimedVendorIds('time_entry')
  const match = rows.find((r) => !claimed.has(String(r.WorkTicketTimeID)))
  return match ? String(match.WorkTicketTimeID) : null
}

export async function pushTimeEntry(ctx: Ctx, item: PushItem): Promise<PushOutcome> {
  if (item.operation !== 'create') return { state: 'failed', reason: 'Aspire cannot change a time entry through its API; correct it in Aspire.' }
  const p = item.payload as unknown as TimeEntryPayload
  const start = utcToLocal(p.startAt, p.timeZone)
  const end = utcToLocal(p.endAt, p.timeZone)
  if (item.state === 'sending') {
    const found = await findExisting(ctx, p, start)
    if (found) return { state: 'pushed', vendorExternalId: found }
  }
  await ctx.markSending()
  try {
    const id = await writeAspire(ctx, 'POST', '/WorkTicketTimes', {
      ContactID: Number(p.workerExternalId),
      WorkTicketID: Number(p.milestoneExternalId),
      StartTime: start,
      EndTime: end,
      ...(p.routeExternalId ? { RouteID: Number(p.routeExternalId) } : {}),
      ...(p.crewLeaderExternalId ? { CrewLeaderContactID: Number(p.crewLeaderExternalId) } : {}),
    })
    if (id !== null && id !== undefined && String(id).trim() !== '') return { state: 'pushed', vendorExternalId: String(id) }
    // Written, but the answer carried no id: find it like a lost answer.
    const found = await findExisting(ctx, p, start)
    if (found) return { state: 'pushed', vendorExternalId: found }
    return { state: 'failed', reason: 'Aspire accepted the time entry but it could not be found afterwards. Check the work ticket in Aspire.' }
  } catch (err) {
    if (err instanceof AspireRefused) return { state: 'failed', reason: err.message }
    throw err
  }
}
