/**
 * Opportunity estimates and actuals rolled up from their tickets, and the Job companion of each won
 * opportunity. A job is Complete once all its tickets are Complete or Canceled (at least one Complete).
 * @module
 */
import type { Row } from '../entities'
import { makeRow } from '../tenant/tenant-data'
import { OFFICE_USER } from '../tenant/users'
import { JOB_STATUS, jobComplete, statusCodeOf } from '../tenant/work-ticket-status'
import { HOUR, parseWall } from '../time/local-time'
import { round2, type GenContext } from './context'
import type { Work } from './work'

export function rollUpOpportunities(ctx: GenContext, work: Work, tickets: Map<number, Row<'WorkTickets'>>): void {
  for (const opportunity of work.opportunities) {
    const rows = opportunity.tickets.map((plan) => tickets.get(plan.id)!)
    const sum = (pick: (row: Row<'WorkTickets'>) => number | null) => round2(rows.reduce((total, row) => total + (pick(row) ?? 0), 0))
    const laborHours = sum((row) => row.HoursEst)
    const laborCost = sum((row) => row.HourCostEst)
    const materialCost = sum((row) => row.MaterialCostEst)
    const dollars = sum((row) => row.Price)
    const cost = round2(laborCost + materialCost)
    const actualLabor = sum((row) => row.LaborCostAct)
    const actualMaterial = sum((row) => row.MaterialCostAct)
    const complete = jobComplete(rows)
    const completeDate = complete ? rows.map((row) => row.CompleteDate ?? '').sort().at(-1)! : null
    const won = parseWall(opportunity.row.WonDate ?? '') ?? ctx.anchor
    const modified = completeDate ? Math.max(won, (parseWall(completeDate) ?? won) + HOUR) : won + 10 * 60_000
    Object.assign(opportunity.row, {
      EstimatedLaborHours: laborHours,
      EstimatedLaborCost: laborCost,
      EstimatedLaborCostPerHour: laborHours > 0 ? round2(laborCost / laborHours) : null,
      EstimatedMaterialCost: materialCost,
      EstimatedEquipmentCost: 0,
      EstimatedSubCost: 0,
      EstimatedOtherCost: 0,
      EstimatedTotalCost: cost,
      EstimatedCostDollars: cost,
      EstimatedDollars: dollars,
      BudgetedDollars: dollars,
      WonDollars: dollars,
      EstimatedGrossMarginDollars: round2(dollars - cost),
      EstimatedGrossMarginPercent: dollars > 0 ? round2(((dollars - cost) / dollars) * 100) : null,
      ActualLaborHours: sum((row) => row.HoursAct),
      ActualCostLabor: actualLabor,
      ActualCostMaterial: actualMaterial,
      ActualCostSub: 0,
      ActualCostDollars: round2(actualLabor + actualMaterial),
      JobStatusName: complete ? 'Complete' : 'In Process',
      CompleteDate: completeDate,
      PercentComplete: rows.length > 0 ? round2((rows.filter((row) => statusCodeOf(row) === 'Complete').length / rows.length) * 100) : 0,
      ModifiedDate: ctx.pastStamp(modified) ?? opportunity.row.ModifiedDate,
    } satisfies Partial<Row<'Opportunities'>>)
    ctx.data.Jobs.insert(
      makeRow('Jobs', {
        OpportunityID: opportunity.row.OpportunityID,
        JobStatusID: complete ? JOB_STATUS.Complete : JOB_STATUS['In Process'],
        CompleteDate: completeDate,
        CompletedUserID: complete ? OFFICE_USER.id : null,
        CreatedByUserName: OFFICE_USER.name,
        CanceledFromOpportunity: false,
      }),
    )
  }
  ctx.data.Opportunities.changed()
}
