/**
 * Labor budgets. ExakTime has no budget entity (docs/vendors/exaktime.md §6), so the adapter never expects one from
 * the vendor: budgets come from our product — a default for every job (a percent of the contract price,
 * or hours) and per-job values in the connection's settings. Without either, no budget rows exist.
 * @module
 */
import type { CanonicalRow } from '../../sync/connector'
import type { ExakTimeSettings } from './settings'

export const contractPriceOf = (settings: ExakTimeSettings, jobId: string) => settings.jobBudgets[jobId]?.contractPriceCents ?? null

export function laborBudgetRow(settings: ExakTimeSettings, jobId: string): CanonicalRow<'budgets'> | null {
  const own = settings.jobBudgets[jobId]
  const base = settings.laborBudget
  const hours = own?.hours ?? (base?.basis === 'hours' ? base.hours : undefined)
  const price = own?.contractPriceCents
  const amountCents = base?.basis === 'percent_of_contract' && price !== undefined ? Math.round((price * base.percent) / 100) : null
  if (hours === undefined && amountCents === null) return null
  return {
    externalId: `labor:${jobId}`,
    kind: 'labor',
    jobExternalId: jobId,
    milestoneExternalId: jobId,
    costCodeExternalId: null,
    catalogItemExternalId: null,
    name: 'Labor budget',
    itemType: 'Labor',
    quantity: null,
    amountCents,
    seconds: hours === undefined ? null : Math.round(hours * 3600),
  }
}
