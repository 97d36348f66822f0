/**
 * Labor budget lines per job and cost code, from the job costing budget (amounts) and the estimate
 * worksheet (hours from lines priced by the hour, and their cost). No labor-hours field exists anywhere
 * (docs/vendors/buildertrend.md §7): hours come only from worksheet lines in hours. The budget's amount wins when set;
 * otherwise the worksheet's hourly lines give it. Empty buckets (the zero "Flat Rate" line) are skipped.
 * @module
 */
import type { CanonicalRow } from '../../../sync/connector'
import type { BtBudgetResponse, BtWorksheet, BtWorksheetGroup, BtWorksheetLine } from '../types'
import { looseNumber, moneyToCents } from '../units'

const HOUR_UNITS = new Set(['hr', 'hrs', 'hour', 'hours', 'h'])
/** Cost lines only; allowances (7) and client selections (5) are not labor. */
const COST_LINE = 10

function linesOf(groups: BtWorksheetGroup[] | undefined): BtWorksheetLine[] {
  return (groups ?? []).flatMap((g) => [...(g.lineItems ?? []), ...linesOf(g.subGroups)])
}

interface Line {
  codeId: number | null
  title: string
  amountCents: number | null
  seconds: number | null
  /** The amount came from the job costing budget, which wins over the worksheet. */
  budgeted: boolean
}

export function mapBudgets(jobId: number, budget: BtBudgetResponse | null, worksheet: BtWorksheet | null): CanonicalRow<'budgets'>[] {
  const lines = new Map<string, Line>()
  const idByTitle = new Map<string, number>()
  for (const category of budget?.costCategories ?? []) {
    for (const code of category.costCodes ?? []) {
      const title = (code.title ?? '').trim()
      idByTitle.set(title, code.id)
      const cents = moneyToCents(code.originalBudgetCosts)
      lines.set(String(code.id), { codeId: code.id, title, amountCents: cents ? cents : null, seconds: null, budgeted: !!cents })
    }
  }
  for (const line of linesOf(worksheet?.formatData)) {
    if (line.lineItemType !== COST_LINE || !HOUR_UNITS.has((line.unit ?? '').trim().toLowerCase())) continue
    const title = (line.costCodeTitle ?? '').trim()
    const codeId = idByTitle.get(title) ?? null
    const key = codeId === null ? `title:${title}` : String(codeId)
    const current = lines.get(key) ?? { codeId, title, amountCents: null, seconds: null, budgeted: false }
    const worksheetCents = moneyToCents(line.builderCost) ?? 0
    lines.set(key, {
      ...current,
      seconds: (current.seconds ?? 0) + Math.round((looseNumber(line.quantity) ?? 0) * 3600),
      // Worksheet cost stands in only where the budget has no amount for the code.
      amountCents: current.budgeted ? current.amountCents : (current.amountCents ?? 0) + worksheetCents,
    })
  }
  return [...lines.entries()]
    .filter(([, l]) => l.amountCents || l.seconds)
    .map(([key, l]) => ({
      externalId: `${jobId}:${key}`,
      kind: 'labor',
      jobExternalId: String(jobId),
      milestoneExternalId: String(jobId),
      costCodeExternalId: l.codeId === null ? null : String(l.codeId),
      catalogItemExternalId: null,
      name: l.title || null,
      itemType: null,
      quantity: null,
      amountCents: l.amountCents,
      seconds: l.seconds,
    }))
}
