/**
 * How ProPay figures read on the page: money from integer cents, hours from seconds, percentages from basis
 * points. Integer arithmetic only, so a figure never shows a cent the API did not send.
 * @module
 */
import type { ProPayStatus, ProPaySummary } from '../../shared/api/propays'

/** `123456` → `$1,234.56`; `-5` → `-$0.05`; null → `—`. */
export function formatCents(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '—'
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  const dollars = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, '0')}`
}

/** Seconds as hours with one decimal: `5400` → `1.5 h`. */
export function formatHours(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—'
  return `${(Math.round(seconds / 360) / 10).toFixed(1)} h`
}

/** Basis points as a percentage: `2500` → `25%`, `1250` → `12.5%`. */
export function formatBp(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—'
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`
}

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
