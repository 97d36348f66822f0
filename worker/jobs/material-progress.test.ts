import { describe, expect, it } from 'vitest'
import { materialProgress } from './material-progress'

describe('materialProgress', () => {
  it('should give 50% for 10 of 20 trees installed', () => {
    const p = materialProgress([{ catalogItemExternalId: 'tree', name: 'Maple 2"', quantity: 20 }], [{ catalogItemExternalId: 'tree', quantity: 10 }])
    expect(p).toEqual({ percentComplete: 50, lines: [{ catalogItemExternalId: 'tree', name: 'Maple 2"', budgetedQuantity: 20, usedQuantity: 10, percent: 50 }] })
  })

  it('should not let overuse of one item hide a shortfall in another', () => {
    const p = materialProgress(
      [
        { catalogItemExternalId: 'mulch', name: 'Mulch', quantity: 10 },
        { catalogItemExternalId: 'tree', name: 'Tree', quantity: 10 },
      ],
      [
        { catalogItemExternalId: 'mulch', quantity: 25 },
        { catalogItemExternalId: 'tree', quantity: 2 },
        { catalogItemExternalId: 'unbudgeted', quantity: 99 },
      ],
    )
    expect(p.percentComplete).toBe(60)
    expect(p.lines.find((l) => l.catalogItemExternalId === 'mulch')).toMatchObject({ usedQuantity: 25, percent: 100 })
  })

  it('should sum split budget lines of one item and say nothing without a budget', () => {
    const p = materialProgress(
      [
        { catalogItemExternalId: 'sod', name: 'Sod', quantity: 30 },
        { catalogItemExternalId: 'sod', name: 'Sod', quantity: 10 },
      ],
      [{ catalogItemExternalId: 'sod', quantity: 10 }],
    )
    expect(p.percentComplete).toBe(25)
    expect(materialProgress([], [{ catalogItemExternalId: 'sod', quantity: 3 }])).toEqual({ percentComplete: null, lines: [] })
  })
})
