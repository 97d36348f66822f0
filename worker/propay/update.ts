/**
 * Editing a ProPay's settings (PATCH). Only what actually changes is checked against the edit rules: everything is
 * editable while active only, and the burden and overtime cost exclusions never again once approved (409). Values
 * the domain cannot compute with are a 400 naming each field.
 * @module
 */
import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { z } from 'zod'
import type { UpdateProPayRequest } from '../../shared/api/propays'
import type { Db } from '../db/client'
import { propays, users, type ProPayRow } from '../db/schema'
import { ApiError } from '../http/api-error'
import { checkFieldEditable, validateAdjustment, validateBudgetSpec, validatePool, type ProPayField, type ValidationIssue } from './domain'
import { lifecycleOf } from './lifecycle'

type Changes = Partial<
  Pick<ProPayRow, 'budget' | 'adjustment' | 'pool' | 'distribution' | 'costSettings' | 'people' | 'disqualifiers' | 'penalties' | 'managerUserId' | 'managerWorkerExternalId'>
>

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** The new values of the fields the request changes, each with the edit rule it falls under. */
function plan(row: ProPayRow, body: z.output<typeof UpdateProPayRequest>): { changes: Changes; fields: Set<ProPayField> } {
  const changes: Changes = {}
  const fields = new Set<ProPayField>()
  const change = <K extends keyof Changes>(field: ProPayField, key: K, value: Changes[K]) => {
    if (same(row[key], value)) return
    changes[key] = value
    fields.add(field)
  }
  if (body.budget !== undefined) change('budget', 'budget', body.budget)
  if (body.adjustment) change('adjustment', 'adjustment', body.adjustment)
  if (body.pool) change('pool', 'pool', body.pool)
  if (body.distribution) change('distribution', 'distribution', body.distribution)
  if (body.costSettings) {
    const next = { ...row.costSettings, ...body.costSettings }
    if (next.includeDriveTime !== row.costSettings.includeDriveTime) fields.add('drive_time')
    if (next.includeBurden !== row.costSettings.includeBurden || next.includeOvertimePremium !== row.costSettings.includeOvertimePremium) {
      fields.add('cost_exclusions')
    }
    if (!same(next, row.costSettings)) changes.costSettings = next
  }
  const people = body.people
  if (people) {
    if (people.managerUserId !== undefined) change('manager', 'managerUserId', people.managerUserId)
    if (people.managerWorkerId !== undefined) change('manager', 'managerWorkerExternalId', people.managerWorkerId)
    const next = {
      crewLeadIds: people.crewLeadIds === undefined ? row.people.crewLeadIds : people.crewLeadIds,
      excludedWorkerIds: people.excludedWorkerIds ?? row.people.excludedWorkerIds,
      bonusRemovedWorkerIds: people.bonusRemovedWorkerIds ?? row.people.bonusRemovedWorkerIds,
    }
    change('crew_exclusions', 'people', next)
  }
  if (body.safeguards?.disqualifiers) change('safeguards', 'disqualifiers', body.safeguards.disqualifiers)
  if (body.safeguards?.penalties) change('safeguards', 'penalties', body.safeguards.penalties)
  return { changes, fields }
}

function validate(changes: Changes): ValidationIssue[] {
  const issues: ValidationIssue[] = [
    ...(changes.budget ? validateBudgetSpec(changes.budget, 'budget') : []),
    ...(changes.adjustment ? validateAdjustment(changes.adjustment, 'adjustment') : []),
    ...(changes.pool ? validatePool(changes.pool, 'pool') : []),
  ]
  for (const [name, list] of [
    ['disqualifiers', changes.disqualifiers],
    ['penalties', changes.penalties],
  ] as const) {
    const seen = new Set<string>()
    list?.forEach((item, index) => {
      if (seen.has(item.id)) issues.push({ path: `safeguards.${name}.${index}.id`, message: `${item.id} is listed twice` })
      seen.add(item.id)
    })
  }
  return issues
}

async function checkManagerUser(db: Db, orgId: string, userId: string) {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.orgId, orgId), inArray(users.role, ['admin', 'manager']), isNull(users.disabledAt)))
  if (!user) {
    const message = 'managerUserId must be an admin or manager of your organisation'
    throw new ApiError('bad_request', `The request body is not valid: people.managerUserId: ${message}.`, [{ path: 'people.managerUserId', message }])
  }
}

/** Stores the changes; returns false when nothing changed. */
export async function updateProPay(db: Db, row: ProPayRow, body: z.output<typeof UpdateProPayRequest>, now: string): Promise<boolean> {
  const { changes, fields } = plan(row, body)
  if (fields.size === 0) return false
  for (const field of fields) {
    const editable = checkFieldEditable(lifecycleOf(row), field)
    if (!editable.ok) throw new ApiError('conflict', editable.error.message)
  }
  const issues = validate(changes)
  if (issues.length > 0) {
    throw new ApiError('bad_request', `The request body is not valid: ${issues.map((i) => i.message).join('; ')}.`, issues)
  }
  if (changes.managerUserId) await checkManagerUser(db, row.orgId, changes.managerUserId)
  const result = await db
    .update(propays)
    .set({ ...changes, updatedAt: now })
    .where(and(eq(propays.id, row.id), eq(propays.status, row.status), eq(propays.updatedAt, row.updatedAt)))
  if (result.meta.changes !== 1) throw new ApiError('conflict', 'This ProPay changed at the same time. Reload it and try again.')
  return true
}
