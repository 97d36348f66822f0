/**
 * Job costing budgets and estimate worksheets. Most jobs hold only the "Buildertrend Flat Rate" bucket and
 * about half have a worksheet (docs/vendors/buildertrend.md §7: budgets are often empty).
 * @module
 */
import { type BtBudget, type BtJob, type BtWorksheet, type BtWorksheetLine, FLAT_RATE_CODE } from '../tenant/shapes'
import { COST_CODES } from './catalog'
import type { Rng } from '../../shared/prng'

export function generateBudget(rng: Rng, job: BtJob): BtBudget {
  const filled = rng.chance(0.4)
  const codes = filled ? COST_CODES.filter(() => rng.chance(0.5)).map((c) => ({ id: c.id, title: c.title, originalBudgetCosts: rng.int(20, 400) * 100 })) : []
  const flat = { id: FLAT_RATE_CODE.id, title: FLAT_RATE_CODE.title, originalBudgetCosts: 0 }
  const categories = [{ title: 'Labor', costCodes: codes }, { title: 'Other', costCodes: [flat] }].filter((c) => c.costCodes.length)
  return { jobId: job.jobId, totalValues: { originalBudgetCosts: codes.reduce((n, c) => n + c.originalBudgetCosts, 0) }, costCategories: categories }
}

export function generateWorksheet(rng: Rng, job: BtJob, firstLineId: number): BtWorksheet {
  let id = firstLineId
  const line = (type: number, code: (typeof COST_CODES)[number], unit: string): BtWorksheetLine => {
    const quantity = unit === 'HR' ? rng.int(4, 80) : rng.int(1, 20)
    const unitCost = unit === 'HR' ? rng.int(35, 65) : rng.int(10, 900)
    const builderCost = quantity * unitCost
    return {
      id: id++,
      lineItemType: type,
      itemTitle: `${code.title.slice(0, 2)}.${rng.int(1000, 9999)}.`,
      costCodeTitle: code.title,
      description: unit === 'HR' ? 'Labor' : 'Materials',
      unit,
      quantity,
      unitCost,
      builderCost,
      markupPercent: 20,
      ownerPrice: Math.round(builderCost * 1.2),
      internalNotes: null,
    }
  }
  const codes = COST_CODES.filter(() => rng.chance(0.5))
  return {
    worksheetLocked: rng.chance(0.3),
    lockedByName: null,
    lockedByDate: null,
    formatData: [
      { title: `${job.jobName} estimate`, lineItems: codes.map((c) => line(10, c, 'HR')), subGroups: [{ title: 'Materials', lineItems: codes.slice(0, 2).map((c) => line(10, c, 'EA')) }] },
      { title: 'Allowances', lineItems: [line(7, COST_CODES[0], 'LS')], subGroups: [] },
    ],
  }
}
