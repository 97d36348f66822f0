import type { ContentScriptContext } from 'wxt/utils/content-script-context'
import type { SelectorMissKind } from '../../../shared/api/diagnostics'
import { pageSyncsFinished } from '../../content/request-page-sync'
import { reportSelectorMiss } from '../../content/report-selector-miss'
import { watchBadgeSpots } from '../../content/watch-badge-spots'
import { type WatchedValue, watchedValue } from '../../content/watched-value'
import { send } from '../../messaging/send'
import { createOrgFormat } from '../../ui/format/org-format'
import { type BadgeSubject, jobSubject, ticketSubject } from '../../ui/panel/badge-subject'
import { mountBadge } from '../../ui/panel/mount-badge'
import { showBadge } from '../../ui/panel/propay-badge'
import { openBreakdownFrame } from '../../ui/panel/open-breakdown-frame'
import type { ProPaySummary } from '../../../shared/api/propays'
import { listRowSpots, missingBadgeSpot, titleSpot } from '../../vendors/aspire/badge-spots'
import type { AspirePage } from '../../vendors/aspire/page-kind'

/** Rows found within this window are looked up in one message. */
export const LIST_BATCH_WAIT_MS = 50

/** Runs `reload` each time a page-triggered sync finishes in this tab, until `signal` aborts. */
function onPageSyncFinished(signal: AbortSignal, reload: () => void) {
  const stop = pageSyncsFinished.watch(reload)
  signal.addEventListener('abort', stop, { once: true })
}

/** Only admins and managers see ProPay figures inline; crew leads and workers see nothing here. */
const BADGE_ROLES = new Set(['admin', 'manager'])

/** A badge the screen had no place for is a selector miss (#15), reported as the page's route pattern only. */
const missReport = (page: AspirePage, doc: Document) => ({
  missing: () => missingBadgeSpot(page, doc),
  onMiss: (kind: SelectorMissKind) => reportSelectorMiss('aspire', kind, new URL(doc.location?.href ?? location.href)),
})

const failed = (err: unknown): BadgeSubject => ({ state: 'error', error: err instanceof Error ? err.message : String(err) })

/**
 * ProPay badges on an Aspire screen: next to the title of a job or a work ticket, and on every row of the work
 * ticket list. Everything is removed when `leaving` aborts or the returned function is called.
 */
export function showProPayBadges(ctx: ContentScriptContext, page: AspirePage, leaving: AbortSignal, doc: Document = document): () => void {
  const stop = new AbortController()
  const onLeave = () => stop.abort()
  leaving.addEventListener('abort', onLeave, { once: true })
  if (leaving.aborted) stop.abort()
  if (page.kind === 'job' || page.kind === 'work-ticket' || page.kind === 'work-ticket-list') void start(ctx, page, stop.signal, doc)
  return () => {
    leaving.removeEventListener('abort', onLeave)
    stop.abort()
  }
}

async function start(ctx: ContentScriptContext, page: AspirePage, signal: AbortSignal, doc: Document) {
  const auth = await send('auth:state', {}).catch(() => null)
  if (signal.aborted || !auth?.signedIn || !BADGE_ROLES.has(auth.user.role)) return
  // Badges sit in the vendor's page outside any root of ours: they format for the organisation this answer names.
  const format = createOrgFormat(auth.organization)
  // Closing the breakdown (perhaps after an approval there) reads the badges again, so they show the new status.
  let reloadAll = () => {}
  // Focus goes back to the badge that opened it, as it would from an in-page dialog.
  const onOpen = (propays: ProPaySummary[], opener: HTMLElement) =>
    void openBreakdownFrame(
      ctx,
      propays,
      () => {
        if (signal.aborted) return
        reloadAll()
        if (opener.isConnected) opener.focus()
      },
      doc,
    ).catch((err: unknown) => console.error('[Protiv] Could not open the breakdown:', err))
  const mount = (subject: WatchedValue<BadgeSubject>, quietNone: boolean) => (anchor: Element, append: 'before' | 'after' | 'first' | 'last') =>
    mountBadge(ctx, anchor, append, (container) => showBadge(container, subject, { format, onOpen, quietNone }))

  if (page.kind === 'work-ticket-list') {
    const subjects = new Map<string, WatchedValue<BadgeSubject>>()
    let pending = new Set<string>()
    let timer: ReturnType<typeof setTimeout> | undefined
    const flush = () => {
      timer = undefined
      const ids = [...pending]
      pending = new Set()
      send('propay:forTickets', { ticketIds: ids }).then(
        ({ tickets }) => ids.forEach((id) => subjects.get(id)!.set(tickets[id] === null ? { state: 'unknown' } : ticketSubject(tickets[id]?.propay))),
        (err: unknown) => ids.forEach((id) => subjects.get(id)!.set(failed(err))),
      )
    }
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true })
    // A page-triggered sync finished: every row on screen reads its ProPay again, in one batch.
    reloadAll = () => {
      for (const id of subjects.keys()) pending.add(id)
      timer ??= setTimeout(flush, LIST_BATCH_WAIT_MS)
    }
    onPageSyncFinished(signal, reloadAll)
    const subjectFor = (id: string) => {
      let subject = subjects.get(id)
      if (!subject) {
        subjects.set(id, (subject = watchedValue<BadgeSubject>({ state: 'loading' })))
        pending.add(id)
        timer ??= setTimeout(flush, LIST_BATCH_WAIT_MS)
      }
      return subject
    }
    watchBadgeSpots({
      root: doc.documentElement,
      signal,
      find: () => listRowSpots(doc),
      mount: (spot) => mount(subjectFor(spot.id), false)(spot.anchor, spot.append),
      ...missReport(page, doc),
    })
    return
  }

  const subject = watchedValue<BadgeSubject>({ state: 'loading' })
  const id = page.id
  if (!id) return
  const load = () =>
    (page.kind === 'job'
      ? send('propay:forJob', { externalId: id }).then(({ job }): BadgeSubject => (job === null ? { state: 'unknown' } : jobSubject(job)))
      : send('propay:forTickets', { ticketIds: [id] }).then(({ tickets }): BadgeSubject => (tickets[id] === null ? { state: 'unknown' } : ticketSubject(tickets[id]?.propay)))
    ).then(
      (value) => subject.set(value),
      (err: unknown) => subject.set(failed(err)),
    )
  void load()
  reloadAll = () => void load()
  // After a page-triggered sync (the manager just completed this ticket), the badge shows the fresh ProPay.
  onPageSyncFinished(signal, () => void load())
  watchBadgeSpots({
    root: doc.documentElement,
    signal,
    find: () => titleSpot(page, doc),
    mount: (spot) => mount(subject, true)(spot.anchor, spot.append),
    ...missReport(page, doc),
  })
}

// Test URLs: https://cloud.youraspire.com/app/opportunities/details/<id>, https://cloud.youraspire.com/app/work-tickets/details/<id>,
// https://cloud.youraspire.com/app/work-tickets
