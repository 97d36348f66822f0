/**
 * What people see next to the time stream: time held back (and why), and how old the warehouse data is.
 * ExakTime's warehouse refreshes nightly, so today's time never shows before tomorrow; a refresh older
 * than a night and a bit means last night's did not happen, which is worth saying.
 * @module
 */
import type { ExakTimeSettings } from './settings'

export const STALE_AFTER_MS = 26 * 3600_000

const entries = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}`

export interface NoticeInput {
  waiting: number
  quarantined: number
  finalizedOnly: boolean
  approvalLevel: ExakTimeSettings['approvalLevel']
  /** The warehouse refresh instant (ISO), when known. */
  refreshedAt: string | null
  /** Its company-local date. */
  asOfDate: string | null
  now: number
}

export function timeNotice(input: NoticeInput): string | null {
  const parts: string[] = []
  const level = input.approvalLevel === 'sign_off' ? 'sign-off' : 'supervisor approval'
  if (input.waiting) parts.push(input.finalizedOnly ? `${entries(input.waiting)} waiting for approval (${level} or a closed pay period)` : `${entries(input.waiting)} not yet approved, imported as provisional`)
  if (input.quarantined) parts.push(`${entries(input.quarantined)} in ExakTime's Quarantined Time (entered after approval), held back until accepted there`)
  if (input.refreshedAt && input.asOfDate && input.now - Date.parse(input.refreshedAt) > STALE_AFTER_MS) parts.push(`data as of ${input.asOfDate}; ExakTime's warehouse refreshes nightly`)
  if (!parts.length) return null
  const text = parts.join('; ')
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`
}
