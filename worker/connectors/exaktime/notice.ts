/**
 * What people see next to the time stream: time held back (and why), and how old the warehouse data looks.
 * ExakTime's warehouse refreshes nightly (docs/vendors/exaktime.md §3), so today's time never shows before tomorrow.
 * No source shows a refresh stamp we could read (§13 C4), so age is judged from the newest work date in the
 * window: with none for more than a long weekend, either nobody clocked in or the nightly refresh stopped, and
 * the notice says which day the data reaches so a person can tell which.
 * @module
 */
import { daysBetween } from './dates'
import type { ExakTimeSettings } from './settings'

/** Days without any time before the notice names the newest day: a Friday's time is still fresh on Monday. */
export const QUIET_DAYS = 3

const entries = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}`

export interface NoticeInput {
  waiting: number
  quarantined: number
  finalizedOnly: boolean
  approvalLevel: ExakTimeSettings['approvalLevel']
  /** The newest work date (YYYY-MM-DD) the pass saw; null when the window had no time at all. */
  newestDay: string | null
  /** The company-local date the window ends on. */
  today: string
}

export function timeNotice(input: NoticeInput): string | null {
  const parts: string[] = []
  const level = input.approvalLevel === 'sign_off' ? 'sign-off' : 'supervisor approval'
  if (input.waiting) parts.push(input.finalizedOnly ? `${entries(input.waiting)} waiting for approval (${level} or a closed pay period)` : `${entries(input.waiting)} not yet approved, imported as provisional`)
  if (input.quarantined) parts.push(`${entries(input.quarantined)} in ExakTime's Quarantined Time (entered after approval), held back until accepted there`)
  if (input.newestDay && daysBetween(input.newestDay, input.today) > QUIET_DAYS) {
    parts.push(`the newest time in ExakTime's warehouse is from ${input.newestDay}; it refreshes nightly, so if people clocked in since, last night's refresh did not happen`)
  }
  if (!parts.length) return null
  const text = parts.join('; ')
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`
}
