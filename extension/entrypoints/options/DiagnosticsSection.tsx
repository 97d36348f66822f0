import type { DiagnosticsView, SelectorMissKind } from '../../../shared/api/diagnostics'
import { relativeTime } from '../../ui/relative-time'
import { useMessage } from '../../ui/use-message'
import { vendorUi } from '../../vendors/registry'

/** What each kind of miss means to an admin reading it. */
export const MISS_KIND_TEXT: Record<SelectorMissKind, string> = {
  screen_probe: 'Screen not recognised after loading',
  badge_anchor: 'No place for the ProPay badge',
  badge_row_id: 'List rows without a readable ticket id',
  page_action: 'Button wording Protiv does not know',
}

/**
 * Diagnostics (#15), for admins: where the extension could not read the vendors' pages (per vendor, kind and screen
 * pattern, most recent first), and each connection's state, to hand to support. Text only; other roles never ask.
 */
export function DiagnosticsSection() {
  const view = useMessage('diagnostics:view', {})
  return (
    <section data-testid="diagnostics" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">Diagnostics</h2>
      {view.value.state === 'loading' && <p class="muted">Loading…</p>}
      {view.value.state === 'error' && <p class="error">{view.value.error}</p>}
      {view.value.state === 'ready' && <DiagnosticsBody view={view.value.value} />}
    </section>
  )
}

function DiagnosticsBody({ view }: { view: DiagnosticsView }) {
  return (
    <>
      <h3>Pages Protiv could not read</h3>
      {view.selectorMisses.length === 0 ? (
        <p data-testid="no-misses">No misses reported: the extension found what it looks for on every screen.</p>
      ) : (
        <ul data-testid="misses">
          {view.selectorMisses.map((m) => (
            <li key={`${m.vendor}|${m.kind}|${m.pagePattern}`}>
              {vendorUi(m.vendor).name} <code>{m.pagePattern}</code>
              {`: ${MISS_KIND_TEXT[m.kind]} — ${m.count}×, last ${relativeTime(m.lastSeenAt)} (extension ${m.extensionVersions.join(', ')})`}
            </li>
          ))}
        </ul>
      )}
      <h3>Connections</h3>
      {view.connections.length === 0 ? (
        <p>No connections.</p>
      ) : (
        <ul data-testid="connection-facts">
          {view.connections.map((c) => (
            <li key={c.id}>
              {vendorUi(c.vendor).name} · {c.accountLabel}: {c.paused ? 'paused' : c.status.replace('_', ' ')}
              {c.lastSuccessAt ? `, last success ${relativeTime(c.lastSuccessAt)}` : ', never synced successfully'}
              {c.lastError ? ` — ${c.lastError.code}: ${c.lastError.message}` : ''}
            </li>
          ))}
        </ul>
      )}
      <p class="muted">
        Backend {view.backendVersion}; cron {view.lastCronAt ? relativeTime(view.lastCronAt) : 'never'}, queue {view.lastQueueAt ? relativeTime(view.lastQueueAt) : 'never'}.
      </p>
    </>
  )
}
