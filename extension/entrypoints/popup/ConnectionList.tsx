import { useSignal } from '@preact/signals'
import type { ConnectionView } from '../../../shared/api/connections'
import { PauseResumeButton } from '../../ui/panel/features/pause-resume'
import { useOrgFormat } from '../../ui/format/use-org-format'
import { StatusDot } from '../../ui/StatusDot'
import { useMessage } from '../../ui/use-message'
import { useNow } from '../../ui/use-now'
import { vendorUis } from '../../vendors/registry'
import { RelinkAction } from './RelinkAction'

/** "Aspire, Buildertrend or ExakTime": where a connection can be made, in the registry's order. */
const vendorList = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? ''))
const connectable = vendorList(Object.values(vendorUis).map((v) => v.name))

/**
 * One line per connection: health dot, vendor and account, the status in words, when it last synced; for admins,
 * Pause/Resume and, when the connection needs relinking, Reconnect.
 */
export function ConnectionRow({ connection, now, canPause = false, canReconnect = false }: { connection: ConnectionView; now: number; canPause?: boolean; canReconnect?: boolean }) {
  const f = useOrgFormat()
  const changed = useSignal<{ answer: ConnectionView; over: ConnectionView } | null>(null)
  // The list refreshes every 15 s; until it does, the API's answer to a Pause/Resume or Reconnect is what shows.
  const c = changed.value?.over === connection ? changed.value.answer : connection
  const show = (answer: ConnectionView) => (changed.value = { answer, over: connection })
  return (
    <li data-testid="popup-connection" data-status={c.status}>
      <span class="name">
        <StatusDot status={c.status} /> {vendorUis[c.vendor].name} · {c.accountLabel}
      </span>
      <span class="text">{c.statusText}</span>
      <span class="when muted">
        {' '}
        Last sync {c.lastRunFinishedAt ? <time dateTime={c.lastRunFinishedAt} title={f.dateTime(c.lastRunFinishedAt)}>{f.relative(c.lastRunFinishedAt, now)}</time> : 'never'}.
      </span>
      {canPause && <PauseResumeButton connection={c} onChanged={show} />}
      {canReconnect && <RelinkAction connection={c} onReconnected={show} />}
    </li>
  )
}

/** Every connection of the organisation at a glance; refreshed every 15 s while the popup is open. */
export function ConnectionList({ canPause = false, canReconnect = false }: { canPause?: boolean; canReconnect?: boolean }) {
  const answer = useMessage('connections:list', {}, 15_000)
  const now = useNow()
  const state = answer.value
  if (state.state === 'loading') return <p class="muted">Loading connections…</p>
  if (state.state === 'error') {
    return (
      <p class="error" data-testid="popup-connections-error">
        {state.error}
      </p>
    )
  }
  if (!state.value.connections.length) {
    return (
      <p class="muted" data-testid="popup-no-connections">
        No connections yet. Open {connectable} and connect it from the Protiv panel.
      </p>
    )
  }
  return (
    <ul class="connections" data-testid="popup-connections">
      {state.value.connections.map((c) => (
        <ConnectionRow key={c.id} connection={c} now={now.value} canPause={canPause} canReconnect={canReconnect} />
      ))}
    </ul>
  )
}
