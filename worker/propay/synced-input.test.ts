import { describe, expect, it } from 'vitest'
import { syncedBudget, syncedCrewLeads, toDomainTimeEntries, toWageHistory, type BudgetRow, type JobRow, type MilestoneRow, type TimeEntryRow, type WageRow } from './synced-input'

const synced = { id: 'row', orgId: 'o', connectionId: 'c', dataHash: 'h', vendorModified: null, firstSeenAt: 't', updatedAt: '2026-05-01T00:00:00.000Z', deletedAt: null }

const entry = (overrides: Partial<TimeEntryRow>): TimeEntryRow => ({
  ...synced,
  externalId: 'e1',
  workerExternalId: 'w1',
  jobExternalId: null,
  milestoneExternalId: 'm1',
  routeExternalId: null,
  crewLeaderExternalId: null,
  costCodeExternalId: null,
  workDate: '2026-05-04',
  startAt: null,
  endAt: null,
  durationSeconds: 8 * 3600,
  overtimeSeconds: 0,
  doubleTimeSeconds: 0,
  hourlyCents: null,
  costCents: null,
  isDrive: false,
  approval: 'approved',
  ...overrides,
})

const job = (overrides: Partial<JobRow> = {}): JobRow => ({
  ...synced,
  externalId: 'j1',
  number: null,
  name: 'Job',
  clientExternalId: null,
  branchExternalId: null,
  managerExternalId: null,
  recurring: false,
  status: 'in_progress',
  vendorStatus: null,
  contractPriceCents: null,
  budgetSeconds: null,
  budgetLaborCents: null,
  startDate: null,
  endDate: null,
  completedDate: null,
  ...overrides,
})

const milestone = (overrides: Partial<MilestoneRow> = {}): MilestoneRow => ({
  ...synced,
  externalId: 'm1',
  jobExternalId: 'j1',
  number: null,
  name: 'Visit',
  status: 'in_progress',
  vendorStatus: null,
  vendorStatusName: null,
  branchExternalId: null,
  crewLeaderExternalId: null,
  routeExternalId: null,
  estimatedSeconds: null,
  estimatedLaborCents: null,
  actualSeconds: null,
  scheduledDate: null,
  completedDate: null,
  ...overrides,
})

const wage = (overrides: Partial<WageRow>): WageRow => ({
  ...synced,
  externalId: 'p1',
  workerExternalId: 'w1',
  effectiveDate: '2026-01-01',
  hourlyCents: 2500,
  burdenBasisPoints: null,
  ...overrides,
})

const line = (overrides: Partial<BudgetRow>): BudgetRow => ({
  ...synced,
  externalId: 'b1',
  kind: 'labor',
  jobExternalId: null,
  milestoneExternalId: 'm1',
  costCodeExternalId: null,
  catalogItemExternalId: null,
  name: null,
  itemType: null,
  quantity: null,
  amountCents: null,
  seconds: null,
  ...overrides,
})

const rule = { preferredType: 'hours' as const, contractLaborBudgetBp: 3000 }

describe('toDomainTimeEntries', () => {
  it('should keep a plain entry as one work entry with its cost code as task', () => {
    expect(toDomainTimeEntries(entry({ costCodeExternalId: 'mow', overtimeSeconds: 3600 }))).toEqual([
      { id: 'e1', workerId: 'w1', date: '2026-05-04', kind: 'work', taskId: 'mow', seconds: 8 * 3600, overtimeSeconds: 3600, overtimeMultiplierBp: 15_000 },
    ])
  })

  it('should split double time into its own entry at 2× so the seconds still add up', () => {
    const parts = toDomainTimeEntries(entry({ durationSeconds: 12 * 3600, overtimeSeconds: 2 * 3600, doubleTimeSeconds: 3600 }))
    expect(parts.map((p) => [p.id, p.seconds, p.overtimeSeconds, p.overtimeMultiplierBp])).toEqual([
      ['e1', 11 * 3600, 2 * 3600, 15_000],
      ['e1#double-time', 3600, 3600, 20_000],
    ])
  })

  it('should cap overtime the vendor reports beyond the duration, mark drive time, and drop entries without a worker', () => {
    expect(toDomainTimeEntries(entry({ durationSeconds: 3600, overtimeSeconds: 7200, isDrive: true }))[0]).toMatchObject({ seconds: 3600, overtimeSeconds: 3600, kind: 'drive' })
    expect(toDomainTimeEntries(entry({ workerExternalId: null }))).toEqual([])
  })
})

describe('toWageHistory', () => {
  it('should keep the most recently synced of two wages from the same day, and carry burden only when known', () => {
    const history = toWageHistory([
      wage({ externalId: 'old', hourlyCents: 2000, updatedAt: '2026-01-01T00:00:00.000Z' }),
      wage({ externalId: 'new', hourlyCents: 2200, updatedAt: '2026-02-01T00:00:00.000Z', burdenBasisPoints: 1500 }),
      wage({ externalId: 'raise', effectiveDate: '2026-04-01', hourlyCents: 2400 }),
    ])
    expect(history).toEqual([
      { workerId: 'w1', effectiveFrom: '2026-01-01', wageCentsPerHour: 2200, burdenBp: 1500 },
      { workerId: 'w1', effectiveFrom: '2026-04-01', wageCentsPerHour: 2400 },
    ])
  })
})

describe('syncedBudget', () => {
  it('should use a visit’s estimated hours, or its labor cost, or its budget lines', () => {
    expect(syncedBudget({ kind: 'milestone' }, job(), [milestone({ estimatedSeconds: 7200, estimatedLaborCents: 5000 })], [], rule)).toEqual({
      spec: { type: 'hours', budgetSeconds: 7200 },
      source: 'milestone.estimated_seconds',
    })
    expect(syncedBudget({ kind: 'milestone' }, job(), [milestone({ estimatedLaborCents: 5000 })], [], rule)?.source).toBe('milestone.estimated_labor_cents')
    expect(syncedBudget({ kind: 'milestone' }, job(), [milestone()], [line({ seconds: 1800 }), line({ seconds: 1800 })], rule)).toEqual({
      spec: { type: 'hours', budgetSeconds: 3600 },
      source: 'budgets.seconds',
    })
  })

  it('should prefer the configured type for a whole job and fall back to the others', () => {
    const full = job({ budgetSeconds: 36_000, budgetLaborCents: 90_000, contractPriceCents: 1_000_000 })
    expect(syncedBudget({ kind: 'job' }, full, [], [], rule)?.spec).toEqual({ type: 'hours', budgetSeconds: 36_000 })
    expect(syncedBudget({ kind: 'job' }, full, [], [], { ...rule, preferredType: 'amount' })?.spec).toEqual({ type: 'amount', amountCents: 90_000 })
    expect(syncedBudget({ kind: 'job' }, full, [], [], { ...rule, preferredType: 'contract_price' })?.spec).toEqual({
      type: 'contract_price',
      contractPriceCents: 1_000_000,
      laborBudgetBp: 3000,
    })
    expect(syncedBudget({ kind: 'job' }, job({ contractPriceCents: 500_000 }), [], [], rule)?.source).toBe('job.contract_price_cents')
  })

  it('should sum the estimates of a job’s live milestones when the job has no budget of its own', () => {
    const covered = [milestone({ externalId: 'm1', estimatedSeconds: 3600 }), milestone({ externalId: 'm2', estimatedSeconds: 7200 }), milestone({ externalId: 'm3', estimatedSeconds: 99_999, status: 'canceled' })]
    expect(syncedBudget({ kind: 'job' }, job(), covered, [], rule)).toEqual({ spec: { type: 'hours', budgetSeconds: 10_800 }, source: 'milestones.estimated_seconds' })
  })

  it('should find no budget when the vendor has none, zero counting as none', () => {
    expect(syncedBudget({ kind: 'job' }, job({ budgetSeconds: 0 }), [milestone()], [], rule)).toBeNull()
  })
})

describe('syncedCrewLeads', () => {
  it('should list the crew leaders of the live covered milestones once each', () => {
    expect(syncedCrewLeads([milestone({ crewLeaderExternalId: 'l2' }), milestone({ crewLeaderExternalId: 'l1' }), milestone({ crewLeaderExternalId: 'l2' }), milestone({ crewLeaderExternalId: 'x', status: 'canceled' })])).toEqual(['l1', 'l2'])
  })
})
