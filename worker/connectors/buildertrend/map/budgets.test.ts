import { describe, expect, it } from 'vitest'
import { mapBudgets } from './budgets'

const line = (costCodeTitle: string, unit: string, quantity: number, builderCost: number, lineItemType = 10) => ({ lineItemType, costCodeTitle, unit, quantity, builderCost })

describe('mapBudgets', () => {
  it('should take amounts from the job costing budget and hours from worksheet lines priced by the hour', () => {
    const budget = { costCategories: [{ title: 'Labor', costCodes: [{ id: 1003, title: '03 Concrete', originalBudgetCosts: 2500 }] }] }
    const worksheet = { formatData: [{ lineItems: [line('03 Concrete', 'HR', 10, 450)], subGroups: [{ lineItems: [line('03 Concrete', 'hrs', 2.5, 100)] }] }] }
    expect(mapBudgets(41007, budget, worksheet)).toEqual([
      {
        externalId: '41007:1003',
        kind: 'labor',
        jobExternalId: '41007',
        milestoneExternalId: '41007',
        costCodeExternalId: '1003',
        catalogItemExternalId: null,
        name: '03 Concrete',
        itemType: null,
        quantity: null,
        amountCents: 250000,
        seconds: 45_000,
      },
    ])
  })

  it('should fall back to the worksheet cost where the budget has none, keyed by title when no code matches', () => {
    const budget = { costCategories: [{ title: 'Other', costCodes: [{ id: 9999, title: 'Buildertrend Flat Rate', originalBudgetCosts: { value: 0, scale: 2 } }] }] }
    const worksheet = { formatData: [{ lineItems: [line('06 Framing', 'HR', 8, 320), line('06 Framing', 'HR', 2, 80)] }] }
    expect(mapBudgets(41007, budget, worksheet)).toMatchObject([{ externalId: '41007:title:06 Framing', costCodeExternalId: null, amountCents: 40000, seconds: 36_000 }])
  })

  it('should skip empty buckets, allowances and lines not in hours', () => {
    const budget = { costCategories: [{ title: 'Other', costCodes: [{ id: 9999, title: 'Buildertrend Flat Rate', originalBudgetCosts: 0 }] }] }
    const worksheet = { formatData: [{ lineItems: [line('01 General Conditions', 'LS', 1, 5000, 7), line('03 Concrete', 'EA', 3, 900)] }] }
    expect(mapBudgets(41007, budget, worksheet)).toEqual([])
    expect(mapBudgets(41007, null, null)).toEqual([])
  })
})
