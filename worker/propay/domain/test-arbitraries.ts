import fc from 'fast-check'
import type { BudgetSpec } from './budget-types'
import type { DistributionConfig } from './distribution'
import type { PoolConfig } from './pool'
import type { ProPayInput } from './propay-input'
import type { TimeEntry } from './time-entry'

/** fast-check generators of valid calculation inputs, for the property tests (not part of the public API). */

const WORKER_IDS = ['1', '2', '10', 'a', 'b'] as const
const DATES = ['2026-05-04', '2026-05-05', '2026-05-12'] as const

export const workerIdArb = fc.constantFrom(...WORKER_IDS)

/** Five basis-point buckets that total exactly 10000: the gaps between four sorted cut points. */
export const bucketsArb = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 4, maxLength: 4 }).map((cuts) => {
  const [a, b, c, d] = [...cuts].sort((x, y) => x - y) as [number, number, number, number]
  return { crew: a, crew_lead: b - a, manager: c - b, company: d - c, other: 10_000 - d }
})

export const poolArb: fc.Arbitrary<PoolConfig> = fc
  .record({
    splitBp: fc.integer({ min: 0, max: 10_000 }),
    bucketsBp: bucketsArb,
    others: fc.uniqueArray(workerIdArb, { minLength: 1, maxLength: 3 }),
  })
  .map(({ splitBp, bucketsBp, others }) => ({
    splitBp,
    bucketsBp,
    otherRecipientIds: bucketsBp.other > 0 ? others : [],
  }))

export const timeEntryArb: fc.Arbitrary<TimeEntry> = fc.record({
  id: fc.uuid(),
  workerId: workerIdArb,
  date: fc.constantFrom(...DATES),
  seconds: fc.integer({ min: 0, max: 40 * 3600 }),
  kind: fc.constantFrom('work' as const, 'work' as const, 'drive' as const),
})

export const budgetArb: fc.Arbitrary<BudgetSpec> = fc.oneof(
  fc.record({ type: fc.constant('amount' as const), amountCents: fc.integer({ min: 0, max: 5_000_000 }) }),
  fc.record({ type: fc.constant('hours' as const), budgetSeconds: fc.integer({ min: 0, max: 400 * 3600 }) }),
  fc.record({
    type: fc.constant('contract_price' as const),
    contractPriceCents: fc.integer({ min: 0, max: 50_000_000 }),
    laborBudgetBp: fc.integer({ min: 0, max: 10_000 }),
  }),
  fc.record({
    type: fc.constant('rate' as const),
    rateCentsPerUnit: fc.integer({ min: 0, max: 500 }),
    quantity: fc
      .tuple(fc.nat(20_000), fc.nat(99))
      .map(([units, hundredths]) => `${units}.${String(hundredths).padStart(2, '0')}`),
  }),
)

export const weightedDistributionArb: fc.Arbitrary<DistributionConfig> = fc.oneof(
  fc.constant({ type: 'equal_rate' as const }),
  fc.constant({ type: 'equal_weighted' as const }),
  fc.integer({ min: 1, max: 30_000 }).map((leadFactorBp) => ({ type: 'crew_lead_weighted' as const, leadFactorBp })),
)

/** A valid input with a complete milestone; wages are effective from before every entry. */
export const proPayInputArb: fc.Arbitrary<ProPayInput> = fc
  .record({
    budget: budgetArb,
    timeEntries: fc.array(timeEntryArb, { maxLength: 12 }),
    wages: fc.tuple(...WORKER_IDS.map(() => fc.integer({ min: 0, max: 10_000 }))),
    raise: fc.integer({ min: 0, max: 500 }),
    pool: poolArb,
    distribution: weightedDistributionArb,
    crewLeadIds: fc.uniqueArray(workerIdArb, { maxLength: 2 }),
    bonusRemovedWorkerIds: fc.uniqueArray(workerIdArb, { maxLength: 2 }),
    includeDriveTime: fc.boolean(),
  })
  .map(({ wages, raise, crewLeadIds, bonusRemovedWorkerIds, includeDriveTime, ...rest }) => ({
    ...rest,
    milestones: [{ id: 'm1', status: 'completed' as const }],
    // A raise on 2026-05-12 exercises effective dating.
    wageHistory: WORKER_IDS.flatMap((workerId, index) => [
      { workerId, effectiveFrom: '2026-01-01', wageCentsPerHour: wages[index]! },
      { workerId, effectiveFrom: '2026-05-12', wageCentsPerHour: wages[index]! + raise },
    ]),
    costSettings: { includeDriveTime },
    people: { managerId: 'mgr', crewLeadIds, bonusRemovedWorkerIds },
  }))
