/** Actual-cost bookkeeping on a work ticket, shared by time and material writes. */
import type { Row } from '../entities'

export const round2 = (value: number) => Math.round(value * 100) / 100

type CostField = 'LaborCostAct' | 'MaterialCostAct' | 'EquipmentCostAct' | 'SubCostAct' | 'OtherCostAct'

/** Which actual-cost bucket an item type lands in. */
export function costFieldFor(itemType: string | null): CostField {
  switch (itemType) {
    case 'Equipment':
      return 'EquipmentCostAct'
    case 'Sub':
      return 'SubCostAct'
    case 'Labor':
      return 'LaborCostAct'
    case 'Other':
      return 'OtherCostAct'
    default:
      return 'MaterialCostAct'
  }
}

/** Adds (or with a negative amount removes) cost and hours, keeping TotalCostAct consistent. */
export function addActuals(ticket: Row<'WorkTickets'>, change: { field?: CostField; cost?: number; hours?: number }): void {
  if (change.field && change.cost) ticket[change.field] = round2((ticket[change.field] ?? 0) + change.cost)
  if (change.hours) ticket.HoursAct = round2((ticket.HoursAct ?? 0) + change.hours)
  ticket.TotalCostAct = round2(
    (ticket.LaborCostAct ?? 0) + (ticket.MaterialCostAct ?? 0) + (ticket.EquipmentCostAct ?? 0) + (ticket.SubCostAct ?? 0) + (ticket.OtherCostAct ?? 0),
  )
}
