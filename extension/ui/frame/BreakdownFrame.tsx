import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import type { ProPaySummary } from '../../../shared/api/propays'
import { send } from '../../messaging/send'
import { provideOrgFormat } from '../format/use-org-format'
import { ProPayBreakdownDialog } from '../panel/features/propay-breakdown'
import type { Loadable } from '../use-message'
import { useMessage } from '../use-message'
import { postToParent } from './post-to-parent'

const close = () => postToParent({ protiv: 'close' })

/**
 * A badge's ProPay breakdown in its extension frame (`breakdown.html`, #15): which ProPays come from the background
 * (what the tab's content script asked to open), the figures from the API through the background. Closing asks the
 * content script to remove the frame; the badges then read their ProPays again.
 */
export function BreakdownFrame() {
  const propays = useSignal<Loadable<ProPaySummary[]>>({ state: 'loading' })
  const auth = useMessage('auth:state', {})
  useEffect(() => {
    send('panel:breakdown', {}).then(
      (answer) => (propays.value = { state: 'ready', value: answer.propays }),
      (err: Error) => (propays.value = { state: 'error', error: err.message }),
    )
  }, [])
  const list = propays.value
  const who = auth.value
  if (list.state === 'error' || who.state === 'error') return <p class="error">{list.state === 'error' ? list.error : who.state === 'error' ? who.error : ''}</p>
  if (list.state !== 'ready' || who.state !== 'ready') return <p class="muted">Loading the breakdown…</p>
  // Before the dialog renders, so its wages and shares are in the organisation's locale and currency.
  provideOrgFormat(who.value.signedIn ? who.value.organization : null)
  if (!who.value.signedIn || list.value.length === 0) return null
  return <ProPayBreakdownDialog propays={list.value} viewer={{ id: who.value.user.id, role: who.value.user.role }} onClose={close} onApproved={() => undefined} />
}
