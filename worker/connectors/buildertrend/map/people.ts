/**
 * Workers, wages and cost codes as shifts reveal them: Buildertrend has no users list
 * (docs/vendors/buildertrend.md §8), so a worker is a shift's `userID`/`name` and a wage its `rate`, effective from the
 * earliest shift seen at that rate. Wage ids are `<userId>:<cents>` so a changed rate adds a row instead of rewriting
 * history.
 * @module
 */
import type { CanonicalRow } from '../../../sync/connector'
import type { BtShiftRow } from '../types'
import { costCodeParts } from '../units'
import { rateToCents, workDateOf } from './shifts'

export const mapWorker = (s: BtShiftRow): CanonicalRow<'workers'> => ({
  externalId: String(s.userID),
  name: s.name?.trim() || `Buildertrend user ${s.userID}`,
  email: null,
  employeeNumber: null,
  branchExternalId: null,
  active: null,
  terminatedDate: null,
})

/** One wage row per user and rate, dated by the earliest of the given shifts. */
export function wagesOf(shifts: BtShiftRow[]): CanonicalRow<'wages'>[] {
  const byId = new Map<string, CanonicalRow<'wages'>>()
  for (const s of shifts) {
    const cents = rateToCents(s.rate)
    const date = workDateOf(s)
    if (cents === null || !date || s.userID === null || s.userID === undefined) continue
    const id = `${s.userID}:${cents}`
    const seen = byId.get(id)
    if (!seen || date < (seen.effectiveDate as string)) byId.set(id, { externalId: id, workerExternalId: String(s.userID), effectiveDate: date, hourlyCents: cents, burdenBasisPoints: null })
  }
  return [...byId.values()]
}

export const mapCostCode = (id: number, title: string | null): CanonicalRow<'costCodes'> => {
  const { code, name } = costCodeParts(title)
  return { externalId: String(id), code, name, active: null }
}

export function costCodesOf(shifts: BtShiftRow[]): CanonicalRow<'costCodes'>[] {
  const byId = new Map<number, CanonicalRow<'costCodes'>>()
  for (const s of shifts) for (const c of s.costCodes ?? []) byId.set(c.id, mapCostCode(c.id, c.costCodeTitle))
  return [...byId.values()]
}

/** One worker per user; a shift without a user names nobody. */
export function workersOf(shifts: BtShiftRow[]): CanonicalRow<'workers'>[] {
  return [...new Map(shifts.filter((s) => s.userID !== null && s.userID !== undefined).map((s) => [s.userID, mapWorker(s)])).values()]
}
