import { describe, expect, it } from 'vitest'
import { laborBudgetRow } from '../budgets'
import { ExakTimeSettings } from '../settings'
import { arcoroJob, implicitMilestone, locationAsJob, mapJob, mapPayRates } from './reference'

describe('mapPayRates', () => {
  it('should keep base hourly rates in cents, one per effective date', () => {
    const rows = mapPayRates(1001, [
      {
        employee_id: 'E1', hire_date: null, termination_date: null, status: 'Active',
        pay_rates: [
          { rate_code: 'REG', amount: 24.35, effective_date: '2026-01-05', is_base_rate: true },
          { rate_code: 'PERDIEM', amount: 50, effective_date: '2026-01-05', is_base_rate: false },
          { rate_code: 'REG', amount: 25.85, effective_date: '2026-06-01T00:00:00', is_base_rate: true },
          { rate_code: 'REG', amount: null, effective_date: '2026-07-01', is_base_rate: true },
        ],
      },
    ])
    expect(rows).toEqual([
      { externalId: '1001:2026-01-05', workerExternalId: '1001', effectiveDate: '2026-01-05', hourlyCents: 2435, burdenBasisPoints: null },
      { externalId: '1001:2026-06-01', workerExternalId: '1001', effectiveDate: '2026-06-01', hourlyCents: 2585, burdenBasisPoints: null },
      // Passed on empty: the value rules skip it and tell people.
      { externalId: '1001:2026-07-01', workerExternalId: '1001', effectiveDate: '2026-07-01', hourlyCents: null, burdenBasisPoints: null },
    ])
  })

  it('should read amounts sent as numeric strings, and leave unreadable ones as NaN for the value rules', () => {
    const rates = (amount: string) => mapPayRates(1, [{ employee_id: 'E1', hire_date: null, termination_date: null, status: 'Active', pay_rates: [{ rate_code: 'REG', amount, effective_date: '2026-01-05', is_base_rate: true }] }])
    expect(rates('24.35')[0]!.hourlyCents).toBe(2435)
    expect(rates('abc')[0]!.hourlyCents).toBeNaN()
  })
})

describe('jobs and their implicit milestone', () => {
  it('should prefix ids by source and finish inactive jobs', () => {
    const location = locationAsJob({ id: 201, name: 'Riverside Plaza', code: 'L001', is_active: false })
    expect(mapJob(location, null)).toMatchObject({ externalId: 'L201', number: 'L001', status: 'completed', recurring: false })
    const job = arcoroJob({ id: 503, identifier: 'J-1002-1', name: 'Phase 1', is_active: true, start_date: '2026-01-01', end_date: null, parent_job_id: 502 })
    expect(mapJob(job, 500_00)).toMatchObject({ externalId: 'J503', number: 'J-1002-1', status: 'in_progress', contractPriceCents: 50_000, startDate: '2026-01-01' })
    expect(implicitMilestone(job)).toMatchObject({ externalId: 'J503', jobExternalId: 'J503', name: 'Phase 1', status: 'in_progress' })
  })
})

describe('laborBudgetRow', () => {
  const settings = (extra: Record<string, unknown>) => ExakTimeSettings.parse({ syncStartDate: '2026-01-01', ...extra })

  it('should produce nothing without a budget in our settings', () => {
    expect(laborBudgetRow(settings({}), 'L201')).toBeNull()
    expect(laborBudgetRow(settings({ laborBudget: { basis: 'percent_of_contract', percent: 25 } }), 'L201')).toBeNull()
  })

  it('should take hours per job over the default, and a percent of a known contract price', () => {
    const s = settings({ laborBudget: { basis: 'hours', hours: 40 }, jobBudgets: { L201: { hours: 12.5 } } })
    expect(laborBudgetRow(s, 'L201')).toMatchObject({ externalId: 'labor:L201', kind: 'labor', seconds: 45_000, amountCents: null })
    expect(laborBudgetRow(s, 'L202')).toMatchObject({ seconds: 144_000 })
    const percent = settings({ laborBudget: { basis: 'percent_of_contract', percent: 35 }, jobBudgets: { J501: { contractPriceCents: 1_234_567 } } })
    expect(laborBudgetRow(percent, 'J501')).toMatchObject({ amountCents: 432_098, seconds: null, milestoneExternalId: 'J501' })
  })
})
