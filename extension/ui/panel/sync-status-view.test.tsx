import { render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { aConnection } from '../../test-support/connection'
import { renderInto, text, unmountAll } from '../../test-support/render'
import { SyncStatusView } from './sync-status-view'

const now = Date.parse('2026-11-22T12:00:00Z')

describe('SyncStatusView', () => {
  afterEach(() => {
    unmountAll()
  })

  it('should show the first sync with a progress bar, percent, time left and per-type rows', () => {
    const root = renderInto(
      <SyncStatusView
        now={now}
        connection={aConnection({
          status: 'syncing',
          statusText: 'First sync in progress: 40% done.',
          firstSync: true,
          percent: 40,
          etaSeconds: 150,
          lastRunFinishedAt: null,
          streams: [
            { name: 'workTickets', label: 'Work tickets', status: 'syncing', phase: 'Backfilling', recordsThisPass: 120, percent: 60, etaSeconds: 30, added: 120, updated: 0, deleted: 0, lastSuccessAt: null, lastError: null, notice: null, cadence: null },
            { name: 'timeEntries', label: 'Time entries', status: 'pending', phase: 'Waiting', recordsThisPass: 0, percent: null, etaSeconds: null, added: 0, updated: 0, deleted: 0, lastSuccessAt: null, lastError: null, notice: '312 entries waiting for approval', cadence: null },
          ],
        })}
      />,
    )
    expect(text(root, '[data-testid=status-text]')).toBe('First sync in progress: 40% done.')
    expect(root.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')).toBe('40')
    expect(text(root, '[data-testid=sync-progress]')).toBe('40% · about 3 min left')
    expect(text(root, '[data-testid=last-sync]')).toBe('never')
    expect(text(root, '[data-testid=next-sync]')).toBe('running now')
    const rows = [...root.querySelectorAll('[data-testid=sync-streams] li')].map((li) => li.textContent)
    expect(rows).toEqual(['Work ticketsBackfilling · 60%120 added · 0 updated · 0 deleted', 'Time entriesWaiting0 added · 0 updated · 0 deleted312 entries waiting for approval'])
    expect(root.querySelector<HTMLDetailsElement>('details.streams-box')!.open).toBe(true)
  })

  it('should hide the progress bar and fold the per-type rows once the first sync is done', () => {
    const stream = { name: 'workTickets', label: 'Work tickets', status: 'ok' as const, phase: 'Up to date', recordsThisPass: 0, percent: 100, etaSeconds: null, added: 12, updated: 0, deleted: 0, lastSuccessAt: null, lastError: null, notice: null, cadence: null }
    const root = renderInto(<SyncStatusView now={now} connection={aConnection({ streams: [stream] })} />)
    expect(root.querySelector('[data-testid=sync-progress]')).toBeNull()
    expect(root.querySelector<HTMLDetailsElement>('details.streams-box')!.open).toBe(false)
    expect(text(root, 'details.streams-box summary')).toBe('1 kind of data')
    expect(root.querySelector('[data-testid=sync-status]')?.getAttribute('data-status')).toBe('ok')
  })

  it('should say under a kind of data what it re-reads when, if not everything every sync', () => {
    const base = { status: 'ok' as const, phase: 'Up to date', recordsThisPass: 0, percent: 100, etaSeconds: null, added: 0, updated: 0, deleted: 0, lastSuccessAt: null, lastError: null, notice: null }
    const cadence = 'Every sync: budgets of jobs that are new or changed in the job list; once a day: every budget.'
    const root = renderInto(<SyncStatusView now={now} connection={aConnection({ streams: [{ ...base, name: 'Budgets', label: 'Labor budgets', cadence }, { ...base, name: 'Jobs', label: 'Jobs', cadence: null }] })} />)
    expect([...root.querySelectorAll('[data-stream] .streams__cadence')].map((e) => [e.closest('li')!.getAttribute('data-stream'), e.textContent])).toEqual([['Budgets', cadence]])
  })

  it('should tick last and next sync as time passes', () => {
    const c = aConnection({ lastRunFinishedAt: '2026-11-22T11:58:00Z', nextRunAt: '2026-11-22T12:01:00Z' })
    const root = renderInto(<SyncStatusView now={now} connection={c} />)
    expect([text(root, '[data-testid=last-sync]'), text(root, '[data-testid=next-sync]')]).toEqual(['2 min ago', 'in 1 min'])
    act(() => render(<SyncStatusView now={now + 55_000} connection={c} />, root))
    expect([text(root, '[data-testid=last-sync]'), text(root, '[data-testid=next-sync]')]).toEqual(['3 min ago', 'any moment'])
  })

  it('should show the last error with what to do about it', () => {
    const root = renderInto(
      <SyncStatusView
        now={now}
        connection={aConnection({
          status: 'relink_needed',
          statusText: 'Aspire refused the stored credentials. Reconnect to resume syncing; the data already synced is kept.',
          lastError: { code: 'auth', message: 'Aspire refused the stored credentials.' },
          nextRunAt: null,
        })}
      />,
    )
    expect(text(root, '.last-error__message')).toBe('Aspire refused the stored credentials.')
    expect(text(root, '.last-error__advice')).toContain('Reconnect with a new Client ID and Secret')
    expect(text(root, '[data-testid=next-sync]')).toBe('not scheduled')
  })

  it('should render server text as text, never as HTML', () => {
    const root = renderInto(<SyncStatusView now={now} connection={aConnection({ statusText: '<img src=x onerror=alert(1)>', accountLabel: '<b>x</b>' })} />)
    expect(root.querySelector('img, b')).toBeNull()
    expect(text(root, '[data-testid=status-text]')).toBe('<img src=x onerror=alert(1)>')
  })
})
