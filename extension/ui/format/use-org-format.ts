/**
 * The organisation's formatting for every component (#15), as a signal fed from the signed-in `me`: the extension's
 * roots (panel, review screen, popup, options) call `provideOrgFormat` with the organisation they already read, and
 * components read it with `useOrgFormat`. (The ProPay badges in the vendor's page are plain DOM, outside any root:
 * they format with `createOrgFormat` for the organisation their content script reads; aspire.content/show-propay-badges.ts.)
 * @module
 */
import { signal } from '@preact/signals'
import { createOrgFormat, type FormatSettings, type OrgFormat } from './org-format'

const current = signal<OrgFormat>(createOrgFormat())

/** Sets the organisation everything formats for; null (signed out) goes back to the defaults. */
export function provideOrgFormat(org: Partial<FormatSettings> | null | undefined) {
  const next = createOrgFormat(org ?? {})
  const was = current.peek().settings
  // Same settings, same formatter: components re-render only when the organisation's settings really change.
  if (was.locale !== next.settings.locale || was.currency !== next.settings.currency || was.timeZone !== next.settings.timeZone) current.value = next
}

/** For tests: back to the defaults, as if no root had provided anything. */
export function resetOrgFormat() {
  current.value = createOrgFormat()
}

/** The current formatter: components re-render when the organisation's settings change. */
export function useOrgFormat(): OrgFormat {
  return current.value
}
