import { matchesNamePattern } from './name-pattern'
import type { IsoDate } from './units'

/**
 * Exclusion rules of the bonus program (docs/domain/propay.md §4.1). Excluded jobs still sync; they just get no ProPay.
 */
export type ExclusionRule =
  | { readonly kind: 'service_type'; readonly serviceType: string }
  | { readonly kind: 'invoice_type'; readonly invoiceType: string }
  | { readonly kind: 'name_pattern'; readonly pattern: string }
  | { readonly kind: 'property'; readonly propertyId: string }

/** The job or milestone a ProPay would be created for, as the exclusion rules see it. */
export interface CreationSubject {
  readonly name: string
  readonly serviceType?: string | null
  readonly invoiceType?: string | null
  readonly propertyId?: string | null
  /** The one-off "exclude this job". */
  readonly manuallyExcluded?: boolean
  readonly canceled: boolean
}

export interface CreationContext {
  /** Belongs to an incentivized route, branch or division. */
  readonly inBonusProgram: boolean
  /** `null` is the "Not Sure" launch option: nothing is generated. */
  readonly launchDate: IsoDate | null
  readonly today: IsoDate
  /** The last day work was logged on the subject; `null` when none yet (its work is still ahead). */
  readonly latestWorkDate: IsoDate | null
  readonly exclusionRules: readonly ExclusionRule[]
  /** The effective budget after adjustments is above zero; see {@link hasValidBudget}. */
  readonly hasValidBudget: boolean
}

export type ExclusionReason = ExclusionRule['kind'] | 'manual'

export type IneligibleReason =
  | { readonly code: 'not_in_program' }
  | { readonly code: 'not_launched' }
  | { readonly code: 'before_launch_date' }
  | { readonly code: 'excluded'; readonly reason: ExclusionReason }
  | { readonly code: 'no_valid_budget' }
  | { readonly code: 'canceled' }

/**
 * Whether a ProPay should be created for a job (non-recurring) or milestone (recurring) — all five rules of
 * docs/domain/propay.md §4.1 must hold. Returns every failed rule so the reason can be shown; an empty list means
 * eligible.
 *
 * The launch date counts as reached when it is today or earlier, and the subject's work "happened after" it when
 * its latest work day is on or after it (so a job already under way on launch day qualifies, and an earlier launch
 * date back-fills past work).
 */
export function checkCreationEligibility(subject: CreationSubject, context: CreationContext): IneligibleReason[] {
  const reasons: IneligibleReason[] = []
  if (!context.inBonusProgram) reasons.push({ code: 'not_in_program' })
  if (context.launchDate === null || context.launchDate > context.today) reasons.push({ code: 'not_launched' })
  else if (context.latestWorkDate !== null && context.latestWorkDate < context.launchDate) {
    reasons.push({ code: 'before_launch_date' })
  }
  const exclusion = exclusionReason(subject, context.exclusionRules)
  if (exclusion) reasons.push({ code: 'excluded', reason: exclusion })
  if (!context.hasValidBudget) reasons.push({ code: 'no_valid_budget' })
  if (subject.canceled) reasons.push({ code: 'canceled' })
  return reasons
}

/** The first exclusion that applies, for display to workers; `null` when none does. */
export function exclusionReason(subject: CreationSubject, rules: readonly ExclusionRule[]): ExclusionReason | null {
  if (subject.manuallyExcluded) return 'manual'
  const matching = rules.find((rule) => {
    switch (rule.kind) {
      case 'service_type':
        return subject.serviceType === rule.serviceType
      case 'invoice_type':
        return subject.invoiceType === rule.invoiceType
      case 'name_pattern':
        return matchesNamePattern(subject.name, rule.pattern)
      case 'property':
        return subject.propertyId === rule.propertyId
    }
  })
  return matching?.kind ?? null
}
