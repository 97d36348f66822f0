/**
 * The organisation's formatting for every component (#15), as a signal fed from the signed-in `me`: the extension's
 * roots (panel, review screen, popup, options) call `provideOrgFormat` with the organisation they already read, and
 * components read it with `useOrgFormat`. A signal rather than a context because badges are mounted one by one into
 * the vendor's page (no common root to hold a provider); they ask for the organisation themselves (`ask`), once per page.
 * @module
 */
import { signal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import { send } from '../../messaging/send'
import { createOrgFormat, type FormatSettings, type OrgFormat } from './org-format'

const current = signal<OrgFormat>(createOrgFormat())
let provided = false
let asking: Promise<void> | null = null

/** Sets the organisation everything formats for; null (signed out) goes back to the defaults. */
export function provideOrgFormat(org: Partial<FormatSettings> | null | undefined) {
  provided = true
  const next = createOrgFormat(org ?? {})
  const was = current.peek().settings
  // Same settings, same formatter: components re-render only when the organisation's settings really change.
  if (was.locale !== next.settings.locale || was.currency !== next.settings.currency || was.timeZone !== next.settings.timeZone) current.value = next
}

/** For tests: back to the defaults, as if no root had provided anything. */
export function resetOrgFormat() {
  provided = false
  asking = null
  current.value = createOrgFormat()
}

/** The current formatter; with `ask`, a component outside any root fetches the signed-in organisation once. */
export function useOrgFormat({ ask = false }: { ask?: boolean } = {}): OrgFormat {
  useEffect(() => {
    if (!ask || provided || asking) return
    asking = send('auth:state', {}).then(
      (state) => void (!provided && state.signedIn && provideOrgFormat(state.organization)),
      () => undefined,
    )
  }, [ask])
  return current.value
}
