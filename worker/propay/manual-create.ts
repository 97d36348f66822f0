/**
 * Creating a ProPay by hand (docs/domain/propay.md §4.1): an admin or manager picks a job or a visit without a ProPay,
 * its manager and, when the vendor has none, its budget. Not on canceled work; never a second ProPay on the same scope.
 * @module
 */
import { and, eq, isNull } from 'drizzle-orm'
import type { z } from 'zod'
import type { CreateProPayRequest } from '../../shared/api/propays'
import type { Db } from '../db/client'
import { connections, jobs, milestones, propays, users, type ProPayRow } from '../db/schema'
import { ApiError } from '../http/api-error'
import { nowIso } from '../util/clock'
import { workersWithEmail, type Viewer } from './access'
import { managerUsersOfWorkers, newProPayRow } from './create'
import { coverageOf, loadJobData } from './load-job-data'
import { scopeKeyFor, type Scope } from './scope'
import { loadBonusSettings } from './settings'

export async function createManually(db: Db, viewer: Viewer, input: z.output<typeof CreateProPayRequest>): Promise<ProPayRow> {
  const [connection] = await db
    .select({ id: connections.id })
    .from(connections)
    .where(and(eq(connections.id, input.connectionId), eq(connections.orgId, viewer.orgId), isNull(connections.deletedAt)))
  if (!connection) throw new ApiError('not_found', 'No connection with this id in your organisation.')
  const [job] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.connectionId, connection.id), eq(jobs.externalId, input.jobExternalId), isNull(jobs.deletedAt)))
  if (!job) throw new ApiError('not_found', `No job ${input.jobExternalId} has been synced on this connection.`)
  const milestone =
    input.milestoneExternalId === undefined
      ? undefined
      : (
          await db
            .select()
            .from(milestones)
            .where(
              and(
                eq(milestones.connectionId, connection.id),
                eq(milestones.externalId, input.milestoneExternalId),
                eq(milestones.jobExternalId, job.externalId),
                isNull(milestones.deletedAt),
              ),
            )
        )[0]
  if (input.milestoneExternalId !== undefined && !milestone) {
    throw new ApiError('not_found', `Job ${job.externalId} has no milestone ${input.milestoneExternalId}.`)
  }
  if (job.recurring && !milestone) {
    const message = 'this job is recurring: each visit gets its own ProPay, so name the milestone'
    throw new ApiError('bad_request', `The request body is not valid: milestoneExternalId: ${message}.`, [{ path: 'milestoneExternalId', message }])
  }
  if (job.status === 'canceled') throw new ApiError('conflict', `Job ${job.name} is canceled: a canceled job gets no ProPay.`)
  if (milestone?.status === 'canceled') throw new ApiError('conflict', `Milestone ${milestone.name} is canceled: a canceled milestone gets no ProPay.`)

  const scope: Scope = {
    key: scopeKeyFor(connection.id, job, job.recurring ? milestone!.externalId : null),
    kind: job.recurring ? 'milestone' : 'job',
    jobExternalId: job.externalId,
    milestoneExternalId: job.recurring ? milestone!.externalId : null,
  }
  const existing = () =>
    db
      .select({ id: propays.id, status: propays.status })
      .from(propays)
      .where(and(eq(propays.orgId, viewer.orgId), eq(propays.scopeKey, scope.key)))
  const [before] = await existing()
  if (before) throw alreadyExists(before)

  const managerUserId = await pickManager(db, viewer, input.managerUserId, connection.id, job.managerExternalId)
  const managerWorkerExternalId = job.managerExternalId ?? (await linkedWorker(db, viewer.orgId, connection.id, managerUserId))
  const { settings } = await loadBonusSettings(db, viewer.orgId)
  const data = await loadJobData(db, connection.id, [job.externalId])
  const row = await newProPayRow(
    {
      orgId: viewer.orgId,
      connectionId: connection.id,
      scope,
      origin: 'manual',
      managerUserId,
      managerWorkerExternalId,
      budget: input.budget ?? null,
      createdByUserId: viewer.userId,
      settings,
      now: nowIso(),
    },
    coverageOf(data, scope),
  )
  if (!row.budget && row.budgetSource === null) {
    throw new ApiError('unprocessable', `Job ${job.name} has no labor budget from the vendor: send a budget with the ProPay.`)
  }
  // Created meanwhile (e.g. by a sync): the unique scope key keeps it to one.
  const [inserted] = await db.insert(propays).values(row).onConflictDoNothing({ target: [propays.orgId, propays.scopeKey] }).returning({ id: propays.id })
  if (!inserted) throw alreadyExists((await existing())[0]!)
  return row
}

const alreadyExists = (existing: { id: string; status: string }) =>
  new ApiError(
    'conflict',
    existing.status === 'canceled'
      ? `This work already has a ProPay (${existing.id}), canceled: restore it instead of creating another.`
      : `This work already has a ProPay (${existing.id}); there is at most one per job or milestone.`,
  )

/** The requested manager (an admin or manager of the org), else the caller when a manager, else the job's. */
async function pickManager(db: Db, viewer: Viewer, requested: string | undefined, connectionId: string, jobManagerWorkerId: string | null) {
  if (requested !== undefined) {
    const [user] = await db
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(and(eq(users.id, requested), eq(users.orgId, viewer.orgId), isNull(users.disabledAt)))
    if (!user || (user.role !== 'admin' && user.role !== 'manager')) {
      const message = 'managerUserId must be an admin or manager of your organisation'
      throw new ApiError('bad_request', `The request body is not valid: managerUserId: ${message}.`, [{ path: 'managerUserId', message }])
    }
    return user.id
  }
  if (viewer.role === 'manager') return viewer.userId
  const fromJob = jobManagerWorkerId ? (await managerUsersOfWorkers(db, viewer.orgId, connectionId, [jobManagerWorkerId])).get(jobManagerWorkerId) : undefined
  return fromJob ?? viewer.userId
}

/** The vendor worker (on this connection) who is this user, to receive the manager bucket. */
async function linkedWorker(db: Db, orgId: string, connectionId: string, userId: string) {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId))
  if (!user) return null
  return (await workersWithEmail(db, orgId, user.email)).find((w) => w.connectionId === connectionId)?.externalId ?? null
}
