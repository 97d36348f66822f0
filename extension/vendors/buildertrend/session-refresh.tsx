/**
 * The automatic refresh (#14): shown while the Buildertrend connection needs relinking, it asks the background once
 * per page load to replace an ended session with the one signed in here, without a click, and says what happened.
 * @module
 */
import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import { send } from '../../messaging/send'
import type { ReconnectFormProps } from '../../ui/vendor-ui'

export const RECONNECTED = 'Reconnected with this signed-in account.'

/** One automatic try per page load, however often the panel re-renders. */
let triedThisPage = false
export const resetSessionRefreshForTests = () => {
  triedThisPage = false
}

export function BuildertrendSessionRefresh({ onReconnected }: ReconnectFormProps) {
  const said = useSignal<{ ok: boolean; text: string } | null>(null)
  const busy = useSignal(false)
  const refresh = async (auto: boolean) => {
    busy.value = true
    try {
      const outcome = await send('buildertrend:connectSession', { auto })
      if (outcome.kind === 'reconnected') {
        said.value = { ok: true, text: RECONNECTED }
        onReconnected(outcome.connection)
      } else if (outcome.kind === 'no_session') said.value = { ok: false, text: outcome.message }
    } catch (err) {
      said.value = { ok: false, text: (err as Error).message }
    } finally {
      busy.value = false
    }
  }
  useEffect(() => {
    if (triedThisPage) return
    triedThisPage = true
    void refresh(true)
  }, [])
  return (
    <div class="connect" data-testid="buildertrend-session-refresh">
      <button type="button" data-testid="buildertrend-session-refresh-submit" disabled={busy.value} onClick={() => void refresh(false)}>
        {busy.value ? 'Connecting…' : 'Connect with this signed-in account'}
      </button>
      {said.value && (
        <p class={said.value.ok ? 'hint' : 'error'} role={said.value.ok ? 'status' : 'alert'} data-testid="session-refresh-result">
          {said.value.text}
        </p>
      )}
    </div>
  )
}

// Test URLs: https://buildertrend.net/app/Landing, https://buildertrend.net/app/TimeClock
