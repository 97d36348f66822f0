/**
 * ProPay test data that passes the API's schemas (the typed client validates every answer): a summary, a job
 * and a full detail with a breakdown in which every figure is distinct, so a test can tell them apart.
 * @module
 */
import type { JobView, MilestoneView } from '../../shared/api/jobs'
import type { ProPayBreakdown } from '../../shared/api/propay-breakdown'
import type { ProPayDetail, ProPaySummary } from '../../shared/api/propays'

export function aProPay(overrides: Partial<ProPaySummary> = {}): ProPaySummary {
  return {
    id: 'pp_1',
    status: 'active',
    kind: 'job',
    scopeKey: 'job:3003',
    origin: 'auto',
    connectionId: 'conn_1',
    vendor: 'aspire',
    job: { id: 'job_1', externalId: '3003', number: '1187', name: 'Fall Cleanup - Prairie Wind' },
    milestone: null,
    managerUserId: 'u_manager',
    managerWorkerId: null,
    branch: null,
    manager: null,
    approvalRound: 0,
    approvalDate: null,
    workState: 'complete',
    approvable: true,
    blockers: [],
    figures: {
      budgetSeconds: 207_000,
      budgetCents: 121_528,
      actualSeconds: 189_720,
      actualCents: 111_278,
      savedCents: 10_250,
      bonusPoolCents: 5_125,
      paidOutCents: 0,
    },
    myBonusCents: null,
    attention: null,
    computedAt: '2026-11-22T05:00:00.000Z',
    createdAt: '2026-11-20T05:00:00.000Z',
    updatedAt: '2026-11-22T05:00:00.000Z',
    ...overrides,
  }
}

export function aBreakdown(overrides: Partial<ProPayBreakdown> = {}): ProPayBreakdown {
  return {
    version: 1,
    workState: 'complete',
    budget: {
      type: 'hours',
      inputs: { type: 'hours', budgetSeconds: 207_000 },
      tasks: null,
      base: { unit: 'hours', seconds: 207_000, cents: 121_528 },
      modifierBp: 10_500,
      afterModifier: { unit: 'hours', seconds: 217_350, cents: 127_604 },
      adjustment: { kind: 'percentage_increase', bp: 250 },
      effective: { unit: 'hours', seconds: 222_784, cents: 130_794 },
      blendedWageCentsPerHour: 2_114,
      laborBudgetCents: 130_794,
    },
    actual: {
      settings: { includeDriveTime: false, includeBurden: true, includeOvertimePremium: false },
      seconds: 189_720,
      costCents: 111_278,
      excludedDrive: { seconds: 5_400, wouldCostCents: 3_171, byWorker: [{ workerId: 'w1', seconds: 5_400, wouldCostCents: 3_171 }] },
    },
    savings: { savedCents: 19_516, splitBp: 5_000, workerShareCents: 9_758, noBonusReason: null },
    safeguards: {
      disqualified: false,
      disqualifiers: [{ id: 'd1', label: 'Callback within 30 days', outcome: 'unresolved' }],
      penalties: [{ id: 'p1', category: 'Damage', amountCents: 500, outcome: 'applied' }],
      penaltiesAppliedCents: 500,
      penaltiesDeductedCents: 500,
    },
    buckets: [
      { role: 'crew', poolBp: 7_000, amountCents: 6_831, recipientIds: ['w1', 'w2'] },
      { role: 'crew_lead', poolBp: 2_000, amountCents: 1_952, recipientIds: ['w1'] },
      { role: 'manager', poolBp: 1_000, amountCents: 975, recipientIds: ['w9'] },
      { role: 'company', poolBp: 0, amountCents: 0, recipientIds: [] },
      { role: 'other', poolBp: 0, amountCents: 0, recipientIds: [] },
    ],
    crew: {
      distribution: 'equal_weighted',
      leadFactorBp: null,
      bucketCents: 6_831,
      fromCrewLeadCents: 0,
      penaltiesDeductedCents: 500,
      distributableCents: 6_331,
      totalWeight: '52.7',
      distributedCents: 6_330,
      unallocatedCents: 1,
    },
    workers: [
      {
        workerId: 'w1',
        isCrewLead: true,
        isManager: false,
        isOtherRecipient: false,
        bonusExclusion: null,
        seconds: 108_000,
        excludedDriveSeconds: 5_400,
        costCents: 63_450,
        wageCentsPerHour: 2_115,
        weight: '30',
        shares: { crew: 3_604, crew_lead: 1_952, manager: 0, other: 0 },
        totalCents: 5_556,
      },
      {
        workerId: 'w2',
        isCrewLead: false,
        isManager: false,
        isOtherRecipient: false,
        bonusExclusion: null,
        seconds: 81_720,
        excludedDriveSeconds: 0,
        costCents: 47_828,
        wageCentsPerHour: 2_107,
        weight: '22.7',
        shares: { crew: 2_726, crew_lead: 0, manager: 0, other: 0 },
        totalCents: 2_726,
      },
    ],
    payouts: [
      { workerId: 'w1', role: 'crew', amountCents: 3_604 },
      { workerId: 'w1', role: 'crew_lead', amountCents: 1_952 },
      { workerId: 'w2', role: 'crew', amountCents: 2_726 },
    ],
    paidOutCents: 0,
    problems: [{ code: 'missing_wage', message: 'No wage for Sam Stone on 2026-11-02.' }],
    warnings: [{ code: 'late_time', message: 'Time was logged after completion.' }],
    ...overrides,
  }
}

export function aProPayDetail(overrides: Partial<ProPayDetail> = {}): ProPayDetail {
  return {
    ...aProPay(),
    visibility: 'full',
    settings: null,
    breakdown: aBreakdown(),
    calculationIssues: [],
    mine: null,
    workerNames: { w1: 'Luis Ortega', w2: 'Ana Diaz', w9: 'Priya Nair' },
    lineItems: [],
    ...overrides,
  }
}

export function aJob(overrides: Partial<JobView> = {}): JobView {
  return {
    id: 'job_1',
    connectionId: 'conn_1',
    vendor: 'aspire',
    externalId: '3003',
    number: '1187',
    name: 'Fall Cleanup - Prairie Wind',
    status: 'in_progress',
    recurring: false,
    budgetSeconds: 207_000,
    actualSeconds: 189_720,
    driveSeconds: 5_400,
    bonusPoolCents: 5_125,
    propays: [aProPay()],
    ...overrides,
  }
}

export function aMilestone(externalId: string, propay: ProPaySummary | null): MilestoneView {
  return {
    id: `ms_${externalId}`,
    connectionId: 'conn_1',
    externalId,
    jobExternalId: '3003',
    number: externalId,
    name: `Visit ${externalId}`,
    status: 'in_progress',
    reviewStatus: 'in_progress',
    scheduledDate: null,
    completedDate: null,
    budgetSeconds: 36_000,
    actualSeconds: 18_000,
    driveSeconds: 0,
    materials: { percentComplete: null, lines: [] },
    propay,
  }
}

/** A review queue's filter options when a test does not filter. */
export const NO_OPTIONS = { branches: [], jobs: [], managers: [] }
