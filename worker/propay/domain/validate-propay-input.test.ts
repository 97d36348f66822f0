import { describe, expect, it } from 'vitest'
import type { ProPayInput } from './propay-input'
import { baseInput, wage, work } from './test-fixtures'
import { validateProPayInput } from './validate-propay-input'

const pathsOf = (overrides: Partial<ProPayInput>) =>
  validateProPayInput(baseInput(overrides)).map((issue) => issue.path)
const entry = (extra: Parameters<typeof work>[3]) => [work('a', 1, '2026-05-04', extra)]

describe('validateProPayInput', () => {
  it('should accept a well-formed input', () => {
    expect(validateProPayInput(baseInput({ timeEntries: [work('a', 1)], wageHistory: [wage('a', 2000)] }))).toEqual([])
  })

  it('should refuse money, percentages and durations that are not whole numbers in range', () => {
    expect(pathsOf({ budget: { type: 'amount', amountCents: 10.5 } })).toEqual(['budget.amountCents'])
    expect(pathsOf({ budget: { type: 'contract_price', contractPriceCents: 100, laborBudgetBp: 10_001 } })).toEqual([
      'budget.laborBudgetBp',
    ])
    expect(pathsOf({ timeEntries: entry({ seconds: -1 }) })).toEqual([
      'timeEntries[0].seconds',
      'timeEntries[0].overtimeSeconds',
    ])
    expect(pathsOf({ wageHistory: [wage('a', 20.5)] })).toEqual(['wageHistory[0].wageCentsPerHour'])
    expect(pathsOf({ wageHistory: [wage('a', 2000, '2026-01-01', -1)] })).toEqual(['wageHistory[0].burdenBp'])
  })

  it('should keep the company modifier within 1–200%', () => {
    expect(pathsOf({ companyModifierBp: 99 })).toEqual(['companyModifierBp'])
    expect(pathsOf({ companyModifierBp: 20_001 })).toEqual(['companyModifierBp'])
    expect(pathsOf({ companyModifierBp: 100 })).toEqual([])
    expect(pathsOf({ companyModifierBp: 20_000 })).toEqual([])
  })

  it('should refuse a decrease beyond 100% and other bad adjustments', () => {
    expect(pathsOf({ adjustment: { kind: 'percentage_decrease', bp: 10_001 } })).toEqual(['adjustment.bp'])
    expect(pathsOf({ adjustment: { kind: 'multiply', factorBp: -1 } })).toEqual(['adjustment.factorBp'])
    expect(pathsOf({ adjustment: { kind: 'manual_hours', seconds: 1.5 } })).toEqual(['adjustment.seconds'])
  })

  it('should refuse bad dates, states, kinds and overtime beyond the entry', () => {
    expect(pathsOf({ timeEntries: entry({ date: '2026-02-30' }) })).toEqual(['timeEntries[0].date'])
    expect(pathsOf({ wageHistory: [wage('a', 2000, '2026-1-1')] })).toEqual(['wageHistory[0].effectiveFrom'])
    expect(pathsOf({ milestones: [{ id: 'm1', status: 'done' as never }] })).toEqual(['milestones[0].status'])
    expect(pathsOf({ timeEntries: entry({ kind: 'travel' as never }) })).toEqual(['timeEntries[0].kind'])
    expect(pathsOf({ timeEntries: entry({ overtimeSeconds: 3601 }) })).toEqual(['timeEntries[0].overtimeSeconds'])
    expect(pathsOf({ timeEntries: entry({ overtimeMultiplierBp: 9_000 }) })).toEqual([
      'timeEntries[0].overtimeMultiplierBp',
    ])
  })

  it('should refuse two wages from the same day for one worker', () => {
    expect(validateProPayInput(baseInput({ wageHistory: [wage('a', 2000), wage('a', 2100)] }))).toEqual([
      { path: 'wageHistory[1]', message: 'Worker a has two wages effective from 2026-01-01' },
    ])
  })

  it('should check task lists and rate quantities', () => {
    expect(pathsOf({ budget: { type: 'task_amount', tasks: [] } })).toEqual(['budget.tasks'])
    const tasks = [
      { taskId: 't', budgetSeconds: 1 },
      { taskId: 't', budgetSeconds: 2 },
    ]
    expect(pathsOf({ budget: { type: 'task_hours', tasks } })).toEqual(['budget.tasks[1].taskId'])
    expect(pathsOf({ budget: { type: 'rate', rateCentsPerUnit: 10, quantity: '1,5' } })).toEqual(['budget.quantity'])
  })

  it('should check distribution settings', () => {
    expect(pathsOf({ distribution: { type: 'crew_lead_weighted', leadFactorBp: 0 } })).toEqual([
      'distribution.leadFactorBp',
    ])
    expect(pathsOf({ distribution: { type: 'manual', amountsCents: { a: -5 } } })).toEqual([
      'distribution.amountsCents.a',
    ])
    expect(pathsOf({ distribution: { type: 'random' } as never })).toEqual(['distribution.type'])
  })

  it('should check people and safeguards', () => {
    expect(pathsOf({ people: { managerId: '', crewLeadIds: [''] } })).toEqual([
      'people.managerId',
      'people.crewLeadIds[0]',
    ])
    expect(pathsOf({ disqualifiers: [{ id: 'd', label: 'x', outcome: 'maybe' as never }] })).toEqual([
      'disqualifiers[0].outcome',
    ])
    expect(pathsOf({ penalties: [{ id: 'p', category: 'x', amountCents: -1, outcome: 'applied' }] })).toEqual([
      'penalties[0].amountCents',
    ])
  })
})
