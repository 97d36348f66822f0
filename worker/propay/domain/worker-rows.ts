import type { Payout, WorkerBreakdown } from './breakdown'
import { sortedUniqueIds } from './compare-ids'
import { averageBaseWageCentsPerHour, laborCostCents } from './labor-pricing'
import { EMPTY_LABOR, type LaborSummary } from './labor-summary'
import { bonusExclusionOf, type ProPayPeople } from './propay-people'
import type { RoleAllocation } from './role-allocation'
import { PAYOUT_ROLES, type PayoutRole } from './roles'
import type { Cents } from './units'

/**
 * One row per person involved — everyone who logged time, the crew leads, the manager and the other recipients —
 * by ascending worker id, with their time, cost, weight and share of each bucket.
 */
export function buildWorkerRows(
  labor: LaborSummary,
  people: ProPayPeople,
  otherRecipientIds: readonly string[],
  allocation: RoleAllocation,
): WorkerBreakdown[] {
  const ids = sortedUniqueIds([...labor.byWorker.keys(), ...people.crewLeadIds, people.managerId, ...otherRecipientIds])
  const crewShares = new Map(allocation.crewShares.map((share) => [share.workerId, share]))
  const leadShares = amountsById(allocation.crewLeadShares)
  const otherShares = amountsById(allocation.otherShares)

  return ids.map((workerId) => {
    const worker = labor.byWorker.get(workerId) ?? { counted: EMPTY_LABOR, excludedDrive: EMPTY_LABOR }
    const crewShare = crewShares.get(workerId)
    const shares: Record<PayoutRole, Cents> = {
      crew: crewShare?.amountCents ?? 0,
      crew_lead: leadShares.get(workerId) ?? 0,
      manager: allocation.managerShare.key === workerId ? allocation.managerShare.amountCents : 0,
      other: otherShares.get(workerId) ?? 0,
    }
    return {
      workerId,
      isCrewLead: people.crewLeadIds.includes(workerId),
      isManager: people.managerId === workerId,
      isOtherRecipient: otherRecipientIds.includes(workerId),
      bonusExclusion: bonusExclusionOf(people, workerId),
      seconds: worker.counted.seconds,
      excludedDriveSeconds: worker.excludedDrive.seconds,
      costCents: laborCostCents(worker.counted),
      wageCentsPerHour: averageBaseWageCentsPerHour(worker.counted),
      weight: crewShare?.weight?.toString() ?? null,
      shares,
      totalCents: PAYOUT_ROLES.reduce((sum, role) => sum + shares[role], 0),
    }
  })
}

/** The non-zero amounts to pay, by worker then role: what approval turns into line items. */
export const payoutsOf = (rows: readonly WorkerBreakdown[]): Payout[] =>
  rows.flatMap((row) =>
    PAYOUT_ROLES.filter((role) => row.shares[role] > 0).map((role) => ({
      workerId: row.workerId,
      role,
      amountCents: row.shares[role],
    })),
  )

const amountsById = (allocations: readonly { key: string; amountCents: Cents }[]) =>
  new Map(allocations.map((allocation) => [allocation.key, allocation.amountCents]))
