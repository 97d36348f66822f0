import { describe, expect, it } from 'vitest'
import { computeBudget, hasValidBudget } from './budget'
import type { BudgetAdjustment, BudgetSpec } from './budget-types'
import { summarizeLabor } from './labor-summary'
import { HOUR, wage, work } from './test-fixtures'
import { DEFAULT_COST_SETTINGS, type TimeEntry } from './time-entry'

// Two workers, 4 h each at $20 and $30: blended wage $25/h, actual $200.
const defaultTime = [work('a', 4), work('b', 4)]
const wages = [wage('a', 2000), wage('b', 3000)]
const NONE: BudgetAdjustment = { kind: 'none' }

function budgetOf(spec: BudgetSpec, adjustment: BudgetAdjustment = NONE, modifierBp = 10_000, time = defaultTime) {
  return computeBudget(spec, adjustment, modifierBp, summarizeLabor(time, wages, DEFAULT_COST_SETTINGS))
}

const laborBudget = (spec: BudgetSpec, adjustment: BudgetAdjustment = NONE) =>
  budgetOf(spec, adjustment).breakdown.laborBudgetCents

describe('computeBudget', () => {
  describe('budget types', () => {
    it('should price an hours budget at the blended wage', () => {
      const { breakdown } = budgetOf({ type: 'hours', budgetSeconds: 10 * HOUR })
      expect(breakdown.blendedWageCentsPerHour).toBe(2500)
      expect(breakdown.laborBudgetCents).toBe(25_000)
      expect(breakdown.effective).toEqual({ unit: 'hours', seconds: 10 * HOUR, cents: 25_000 })
    })

    it('should show an hours budget in hours only while no time is logged', () => {
      const { breakdown } = budgetOf({ type: 'hours', budgetSeconds: 10 * HOUR }, NONE, 10_000, [])
      expect(breakdown.laborBudgetCents).toBeNull()
      expect(breakdown.effective).toEqual({ unit: 'hours', seconds: 10 * HOUR, cents: null })
      expect(breakdown.blendedWageCentsPerHour).toBeNull()
    })

    it('should take a labor amount as it is', () => {
      expect(laborBudget({ type: 'amount', amountCents: 123_456 })).toBe(123_456)
    })

    it('should multiply contract price by the labor budget %', () => {
      expect(laborBudget({ type: 'contract_price', contractPriceCents: 1_000_000, laborBudgetBp: 3000 })).toBe(300_000)
    })

    it('should multiply rate by a decimal quantity, rounding half-up once', () => {
      expect(laborBudget({ type: 'rate', rateCentsPerUnit: 15, quantity: '1250.5' })).toBe(18_758)
      expect(laborBudget({ type: 'rate', rateCentsPerUnit: 1, quantity: '0.5' })).toBe(1)
    })

    describe('task budgets', () => {
      // t1: 12 h at $20 against 10 h (over by $40); t2: 2 h at $30 against 5 h (under by $90).
      const taskTime = [work('a', 12, '2026-05-04', { taskId: 't1' }), work('b', 2, '2026-05-04', { taskId: 't2' })]
      const taskHours = (...tasks: [string, number][]): BudgetSpec => ({
        type: 'task_hours',
        tasks: tasks.map(([taskId, hours]) => ({ taskId, budgetSeconds: hours * HOUR })),
      })

      it('should price each task hours line at its own blended wage so savings net across tasks', () => {
        const { breakdown, warnings } = budgetOf(taskHours(['t1', 10], ['t2', 5]), NONE, 10_000, taskTime)
        expect(breakdown.laborBudgetCents).toBe(20_000 + 15_000)
        expect(breakdown.tasks).toEqual([
          {
            taskId: 't1',
            budgetSeconds: 10 * HOUR,
            budgetCents: 20_000,
            actualSeconds: 12 * HOUR,
            actualCostCents: 24_000,
            blendedWageCentsPerHour: 2000,
          },
          {
            taskId: 't2',
            budgetSeconds: 5 * HOUR,
            budgetCents: 15_000,
            actualSeconds: 2 * HOUR,
            actualCostCents: 6_000,
            blendedWageCentsPerHour: 3000,
          },
        ])
        expect(warnings).toEqual([])
      })

      it('should add task amounts', () => {
        const spec: BudgetSpec = {
          type: 'task_amount',
          tasks: [
            { taskId: 't1', amountCents: 20_000 },
            { taskId: 't2', amountCents: 15_000 },
          ],
        }
        const { breakdown } = budgetOf(spec, NONE, 10_000, taskTime)
        expect(breakdown.laborBudgetCents).toBe(35_000)
        expect(breakdown.tasks?.map((task) => task.actualCostCents)).toEqual([24_000, 6_000])
      })

      it('should price a task without time at the ProPay’s blended wage and warn', () => {
        const { breakdown, warnings } = budgetOf(taskHours(['t1', 10], ['t3', 7]), NONE, 10_000, taskTime)
        // Blended over all 14 h: $300 / 14 h; 7 h → $150.00 exactly.
        expect(breakdown.laborBudgetCents).toBe(20_000 + 15_000)
        expect(warnings.map((warning) => warning.code)).toEqual(['task_without_time', 'time_outside_tasks'])
      })

      it('should keep task hours in hours while no time is logged', () => {
        const { breakdown } = budgetOf(taskHours(['t1', 3]), NONE, 10_000, [])
        expect(breakdown.effective).toEqual({ unit: 'hours', seconds: 3 * HOUR, cents: null })
      })
    })
  })

  describe('company modifier and adjustments', () => {
    const amount: BudgetSpec = { type: 'amount', amountCents: 10_000 }
    const effectiveCents = (adjustment: BudgetAdjustment, modifierBp = 10_000) =>
      budgetOf(amount, adjustment, modifierBp).breakdown.laborBudgetCents

    it('should apply the company modifier first, then the adjustment', () => {
      const { breakdown } = budgetOf(amount, { kind: 'percentage_increase', bp: 1000 }, 15_000)
      expect([breakdown.base.cents, breakdown.afterModifier.cents, breakdown.effective.cents]).toEqual([
        10_000, 15_000, 16_500,
      ])
    })

    it('should apply each scaling adjustment', () => {
      expect(effectiveCents({ kind: 'none' })).toBe(10_000)
      expect(effectiveCents({ kind: 'percentage_increase', bp: 2500 })).toBe(12_500)
      expect(effectiveCents({ kind: 'percentage_decrease', bp: 2500 })).toBe(7_500)
      expect(effectiveCents({ kind: 'percentage_decrease', bp: 10_000 })).toBe(0)
      expect(effectiveCents({ kind: 'multiply', factorBp: 20_000 })).toBe(20_000)
      expect(effectiveCents({ kind: 'multiply', factorBp: 5_000 })).toBe(5_000)
    })

    it('should let manual amounts and hours replace the modified budget outright', () => {
      expect(effectiveCents({ kind: 'manual_amount', amountCents: 7_777 }, 20_000)).toBe(7_777)
      const { breakdown } = budgetOf(amount, { kind: 'manual_hours', seconds: 10 * HOUR }, 20_000)
      expect(breakdown.effective).toEqual({ unit: 'hours', seconds: 10 * HOUR, cents: 25_000 })
    })

    it('should scale hours budgets in hours', () => {
      const hours: BudgetSpec = { type: 'hours', budgetSeconds: 10 * HOUR }
      const { breakdown } = budgetOf(hours, { kind: 'multiply', factorBp: 15_000 }, 5_000)
      expect(breakdown.afterModifier.seconds).toBe(5 * HOUR)
      expect(breakdown.effective).toEqual({ unit: 'hours', seconds: 7.5 * HOUR, cents: 18_750 })
    })

    it('should round the derived budget once, at the end', () => {
      // 5¢ × 10% = 0.5¢ and × 90% = 0.45¢ → $0.00; rounding at each step would give 1¢.
      const spec: BudgetSpec = { type: 'contract_price', contractPriceCents: 5, laborBudgetBp: 1000 }
      expect(laborBudget(spec, { kind: 'percentage_decrease', bp: 1000 })).toBe(0)
    })
  })

  describe('hasValidBudget', () => {
    const valid = (spec: BudgetSpec, adjustment: BudgetAdjustment = NONE, time: TimeEntry[] = defaultTime) =>
      hasValidBudget(budgetOf(spec, adjustment, 10_000, time).breakdown)

    it('should need an effective budget above zero', () => {
      expect(valid({ type: 'amount', amountCents: 1 })).toBe(true)
      expect(valid({ type: 'amount', amountCents: 0 })).toBe(false)
      expect(valid({ type: 'amount', amountCents: 100 }, { kind: 'percentage_decrease', bp: 10_000 })).toBe(false)
    })

    it('should count hours before they can be priced', () => {
      expect(valid({ type: 'hours', budgetSeconds: HOUR }, NONE, [])).toBe(true)
    })
  })
})
