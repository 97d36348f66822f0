import type { ProPayLifecycle } from './propay-status'
import { err, ok, type Result } from './result'

export const PROPAY_FIELDS = [
  'budget',
  'adjustment',
  'pool',
  'distribution',
  'route',
  'crew_exclusions',
  'manager',
  'drive_time',
  'safeguards',
  'cost_exclusions',
] as const
/** The ProPay settings a person can change; `cost_exclusions` are the burden and overtime cost switches. */
export type ProPayField = (typeof PROPAY_FIELDS)[number]

export interface FieldLockedError {
  readonly code: 'field_locked'
  readonly field: ProPayField
  readonly message: string
}

/**
 * Whether a setting may be edited now (docs/domain/propay.md §4.2): everything only while the ProPay is active (an
 * approved one is frozen; unapprove it first), and the burden and overtime cost exclusions never again once it has been
 * approved.
 */
export function checkFieldEditable(state: ProPayLifecycle, field: ProPayField): Result<true, FieldLockedError> {
  const locked = (message: string) => err({ code: 'field_locked' as const, field, message })
  if (field === 'cost_exclusions' && state.costExclusionsLocked) {
    return locked('Burden and overtime cost exclusions are locked for good once a ProPay has been approved.')
  }
  if (state.status !== 'active') {
    return locked(
      state.status === 'approved'
        ? `This ProPay is approved, so its ${field.replace('_', ' ')} is locked; unapprove it to make changes.`
        : `This ProPay is ${state.status}; its ${field.replace('_', ' ')} cannot be changed.`,
    )
  }
  return ok(true)
}
