/**
 * How ProPay statuses read on the page. Money, hours and percentages are written by the organisation's formatter
 * (`ui/format`), in its locale and currency.
 * @module
 */
import type { ProPayStatus, ProPaySummary } from '../../shared/api/propays'

const statusLabels: Record<ProPayStatus, string> = {
  active: 'Active',
  approved: 'Approved',
  paid: 'Paid',
  canceled: 'Canceled',
  deleted: 'Deleted',
}

/** The status a manager acts on: an active ProPay that can be approved now reads "Ready to approve". */
export function propayStatusLabel(propay: Pick<ProPaySummary, 'status' | 'approvable'>): string {
  return propay.status === 'active' && propay.approvable ? 'Ready to approve' : statusLabels[propay.status]
}
