import { type Signal, signal } from '@preact/signals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { act } from 'preact/test-utils'
import { describe, expect, it } from 'vitest'
import type { ConnectionView } from '../../../shared/api/connections'
import { aConnection, stubBackend } from '../../test-support/connection'
import { NO_OPTIONS, aProPay, aProPayDetail } from '../../test-support/propay'
import { click, renderInto, settle } from '../../test-support/render'
import { extensionPage, panelFrameIn } from '../../test-support/sender'
import { signedInExtension } from '../../test-support/signed-in'
import { watchedValue } from '../../content/watched-value'
import { createOrgFormat } from '../format/org-format'
import { ticketSubject } from '../panel/badge-subject'
import { showBadge } from '../panel/propay-badge'
import { ProPayBreakdownDialog } from '../panel/features/propay-breakdown'
import { ProtivPanel } from '../panel/ProtivPanel'
import { SyncStatusView } from '../panel/sync-status-view'
import { PendingProPays } from '../review/pending-propays'

const active = () => document.activeElement
const press = (key: string, init: KeyboardEventInit = {}) =>
  act(() => void (active() ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })))
/** A person's click: the button takes focus first (happy-dom's `click()` alone does not move it). */
async function activate(el: Element | null | undefined) {
  if (!(el instanceof HTMLElement)) throw new Error('nothing to activate')
  el.focus()
  await click(el)
}

function backend() {
  return stubBackend((method, path) => {
    if (path === '/api/v1/review-queue') return { status: 200, body: { milestones: [], readyToApprove: [aProPay({ id: 'pp_a', managerUserId: 'u_admin' })], filters: NO_OPTIONS } }
    if (path.startsWith('/api/v1/propays/')) return { status: 200, body: aProPayDetail({ id: 'pp_a' }) }
    return { status: 200, body: { ok: true, service: 'protiv-connect', version: '1', time: '', database: 'ok', lastCronAt: null, lastQueueAt: null } }
  })
}

describe('keyboard and screen reader use', () => {
  signedInExtension(() => panelFrameIn('https://cloud.youraspire.com/app/work-tickets'))

  it('should move focus into the breakdown dialog, keep Tab inside it, close it on Escape from inside and return focus', async () => {
    backend()
    // The breakdown frame's dialog (breakdown.html) as any opener shows it: focus starts on the opener.
    const open = signal(false)
    const Opener = () => (
      <div>
        <button type="button" data-testid="opener" aria-expanded={open.value} aria-controls={open.value ? 'breakdown' : undefined} onClick={() => (open.value = true)}>
          Open
        </button>
        {open.value && <ProPayBreakdownDialog id="breakdown" propays={[aProPay({ id: 'pp_a' })]} viewer={{ id: 'u_admin', role: 'admin' }} onClose={() => (open.value = false)} onApproved={() => undefined} />}
      </div>
    )
    const root = renderInto(<Opener />)
    const opener = root.querySelector<HTMLButtonElement>('[data-testid=opener]')!
    await activate(opener)
    await settle()
    const dialog = root.querySelector<HTMLElement>('[role=dialog]')!
    expect(opener.getAttribute('aria-controls')).toBe(dialog.id)
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(active()).toBe(root.querySelector('[data-testid=propay-breakdown-close]'))

    // Shift+Tab from the first control goes to the last one inside, Tab from the last back to the first.
    await press('Tab', { shiftKey: true })
    const approve = root.querySelector('[data-testid=propay-approve]')
    expect(active()).toBe(approve)
    await press('Tab')
    expect(active()).toBe(root.querySelector('[data-testid=propay-breakdown-close]'))

    // Escape from a control deep inside closes it; focus is back on the button that opened it.
    ;(approve as HTMLElement).focus()
    await press('Escape')
    expect(root.querySelector('[role=dialog]')).toBeNull()
    expect(active()).toBe(opener)
    expect(opener.getAttribute('aria-expanded')).toBe('false')
  })

  it('should say the badge opens a dialog and hand the breakdown its button to return focus to', async () => {
    backend()
    const opened: Array<{ ids: string[]; opener: HTMLElement }> = []
    // The badge as its content script mounts it (plain DOM in a closed shadow root's container).
    const root = document.body.appendChild(document.createElement('div'))
    showBadge(root, watchedValue(ticketSubject(aProPay({ id: 'pp_a' }))), {
      format: createOrgFormat(),
      onOpen: (propays, opener) => opened.push({ ids: propays.map((p) => p.id), opener }),
    })
    const badge = root.querySelector<HTMLButtonElement>('[data-testid=propay-badge]')!
    expect(badge.getAttribute('aria-haspopup')).toBe('dialog')
    await activate(badge)
    expect(opened).toEqual([{ ids: ['pp_a'], opener: badge }])
  })

  it('should say which part the panel’s collapse button controls, and whether it is open', async () => {
    backend()
    const root = renderInto(<ProtivPanel vendorName="Aspire" />)
    await settle()
    const toggle = root.querySelector('header button')!
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    expect(root.querySelector(`#${CSS.escape(toggle.getAttribute('aria-controls')!)}`)).toBe(root.querySelector('.body'))
    await click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
  })

  it('should keep the live region’s words the same while only time passes, and change them when the status does', () => {
    const start = Date.parse('2026-11-22T12:00:00Z')
    const running = aConnection({ status: 'syncing', firstSync: true, percent: 40, statusText: 'First sync in progress: 40% done.', lastRunFinishedAt: '2026-11-22T11:58:00Z' })
    const view = signal({ connection: running, now: start })
    const root = renderInto(<Live view={view} />)
    const live = () => root.querySelectorAll('[aria-live]')
    expect(live()).toHaveLength(1)
    const spoken = live()[0]!.textContent
    const lastSync = root.querySelector('[data-testid=last-sync]')!.textContent

    // A minute later, and the next poll's percent: the times on screen change, the live region does not.
    act(() => void (view.value = { connection: { ...running, percent: 55, statusText: 'First sync in progress: 55% done.' }, now: start + 60_000 }))
    expect(root.querySelector('[data-testid=last-sync]')!.textContent).not.toBe(lastSync)
    expect(live()[0]!.textContent).toBe(spoken)
    // The live region never holds the ticking parts.
    expect(live()[0]!.querySelector('[data-testid=last-sync], [data-testid=next-sync]')).toBeNull()

    act(() => void (view.value = { connection: aConnection({ status: 'ok', statusText: 'Up to date.' }), now: start + 61_000 }))
    expect(live()[0]!.textContent).toBe('Aspire · Evergreen Landscaping: Up to date.')
    expect(live()[0]!.textContent).not.toBe(spoken)
  })

  it('should give back a visible focus ring to every control whose style `all: unset` clears', () => {
    for (const file of ['../panel/panel.css', '../panel/propay-badge.css']) {
      const css = readFileSync(path.resolve(import.meta.dirname, file), 'utf8')
      const rules = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^}]*)\}/g)].map(([, selectors, body]) => ({ selectors: selectors!.split(',').map((s) => s.trim()), body: body! }))
      const ringed = new Set(rules.filter((r) => /outline:\s*\d/.test(r.body)).flatMap((r) => r.selectors))
      const unset = rules.filter((r) => /all:\s*unset/.test(r.body)).flatMap((r) => r.selectors)
      expect(unset.length, file).toBeGreaterThan(0)
      for (const selector of unset) expect(ringed.has(`${selector}:focus-visible`), `${file}: ${selector}:focus-visible`).toBe(true)
    }
  })
})

describe('keyboard use of the review screen', () => {
  signedInExtension(() => extensionPage('/review.html', true))

  it('should trap the approval confirmation, cancel it with Escape and give focus back to the button that asked', async () => {
    backend()
    const root = renderInto(<PendingProPays viewer={{ id: 'u_admin', role: 'admin' }} />)
    await settle()
    const ask = [...root.querySelectorAll<HTMLButtonElement>('tr[data-propay-id=pp_a] button')].find((b) => b.textContent === 'Approve…')!
    await activate(ask)
    const confirm = root.querySelector('[data-testid=approve-confirm]')
    expect(active()).toBe(confirm)
    await press('Tab', { shiftKey: true })
    expect(active()?.textContent).toBe('Cancel')
    await press('Tab')
    expect(active()).toBe(confirm)
    await press('Escape')
    expect(root.querySelector('[data-testid=approve-confirmation]')).toBeNull()
    expect(active()).toBe(ask)
  })

  it('should open a review row’s breakdown with aria-expanded, focus inside, and Escape back to its button', async () => {
    backend()
    const root = renderInto(<PendingProPays viewer={{ id: 'u_admin', role: 'admin' }} />)
    await settle()
    const toggle = [...root.querySelectorAll<HTMLButtonElement>('tr[data-propay-id=pp_a] button')].find((b) => b.textContent === 'Breakdown')!
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    await activate(toggle)
    await settle()
    const region = root.querySelector<HTMLElement>('[data-testid=review-breakdown]')!
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    expect(toggle.getAttribute('aria-controls')).toBe(region.id)
    expect(active()).toBe(root.querySelector('[data-testid=review-breakdown-close]'))
    await press('Escape')
    expect(root.querySelector('[data-testid=review-breakdown]')).toBeNull()
    expect(active()).toBe(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
  })
})

function Live({ view }: { view: Signal<{ connection: ConnectionView; now: number }> }) {
  return <SyncStatusView connection={view.value.connection} now={view.value.now} />
}
