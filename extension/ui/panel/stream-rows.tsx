import type { StreamView } from '../../../shared/api/connections'

const counts = (s: StreamView) => `${s.added} added · ${s.updated} updated · ${s.deleted} deleted`

/**
 * One row per kind of data (work tickets, time, …): what it is doing, how far, and what changed. Open
 * while the first sync runs or when a row has an error or a notice for people (time waiting for approval);
 * otherwise folded away, so the panel stays short.
 */
export function StreamRows({ streams, open }: { streams: StreamView[]; open: boolean }) {
  if (!streams.length) return null
  const failing = streams.filter((s) => s.lastError).length
  const noticed = streams.some((s) => s.notice)
  return (
    <details class="streams-box" open={open || failing > 0 || noticed}>
      <summary>
        {streams.length} {streams.length === 1 ? 'kind' : 'kinds'} of data{failing ? ` · ${failing} with errors` : ''}
      </summary>
      <ul class="streams" data-testid="sync-streams">
        {streams.map((s) => (
          <li key={s.name} data-stream={s.name} data-status={s.status}>
            <span class="streams__label">{s.label}</span>
            <span class="streams__phase">
              {s.phase}
              {s.percent !== null && s.percent < 100 ? ` · ${s.percent}%` : ''}
            </span>
            <span class="streams__counts muted">{counts(s)}</span>
            {s.notice && <span class="streams__notice">{s.notice}</span>}
            {s.cadence && <span class="streams__cadence muted">{s.cadence}</span>}
            {s.lastError && <span class="streams__error">{s.lastError}</span>}
          </li>
        ))}
      </ul>
    </details>
  )
}
