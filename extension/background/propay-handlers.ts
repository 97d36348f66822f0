/**
 * ProPay look-ups for the inline badges on Aspire's pages. A list screen asks for many tickets at once: the
 * background answers from a short cache, shares look-ups already in flight and asks for the rest in one request,
 * so a page full of rows costs the API one call. Approving drops the cache, so every badge reads the new status.
 * @module
 */
import type { JobView } from '../../shared/api/jobs'
import type { Messages, TicketProPay } from '../messaging/protocol'
import { withApi } from './with-api'

type ProPayMessage = Extract<keyof Messages, `propay:${string}`>
type ProPayHandlers = { [T in ProPayMessage]: (payload: Messages[T]['request']) => Promise<Messages[T]['response']> }

/** Long enough for a list re-render or a quick back-and-forth, short enough to pick up a sync's changes. */
export const PROPAY_CACHE_MS = 20_000
/** Tickets per batch message and per badge request (the API takes at most 200 ids; a list page shows fewer rows). */
export const MAX_TICKETS_PER_BATCH = 200

type Entry<T> = { at: number; value: Promise<T> }
const cache = new Map<string, Entry<unknown>>()

/** The cached answer for `key`, or `load()`'s (shared by concurrent callers); failures are not cached. */
function cached<T>(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const hit = cache.get(key) as Entry<T> | undefined
  if (hit && now - hit.at < PROPAY_CACHE_MS) return hit.value
  const value = load()
  cache.set(key, { at: now, value })
  value.catch(() => cache.get(key)?.value === value && cache.delete(key))
  return value
}

const isFresh = (key: string, now: number) => {
  const hit = cache.get(key)
  return hit !== undefined && now - hit.at < PROPAY_CACHE_MS
}

export function clearProPayCache() {
  cache.clear()
}

/**
 * The badges of the tickets not answered from the cache, in ONE request (`POST /api/v1/milestones/badges`, served
 * from stored ProPay results). Each ticket's cache entry shares that request, so a second screen asking for some of
 * the same tickets while it runs waits for it instead of asking again.
 */
function lookUpTickets(ticketIds: readonly string[]): Promise<(TicketProPay | null)[]> {
  const now = Date.now()
  const missing = ticketIds.filter((id) => !isFresh(`ticket:${id}`, now))
  if (missing.length > 0) {
    const batch = withApi((call) => call('milestoneBadges', { body: { vendor: 'aspire', externalIds: missing } }))
    for (const id of missing) cached(`ticket:${id}`, () => batch.then(({ badges }): TicketProPay | null => badges[id] ?? null), now)
  }
  // Every entry is fresh now: just set, or answered within the cache's lifetime.
  return Promise.all(ticketIds.map((id) => cache.get(`ticket:${id}`)!.value as Promise<TicketProPay | null>))
}

export const propayHandlers: ProPayHandlers = {
  'propay:forJob': ({ externalId }) =>
    cached(`job:${externalId}`, () =>
      withApi(async (call): Promise<{ job: JobView | null }> => {
        const { jobs } = await call('listJobs', { query: { vendor: 'aspire', externalId } })
        return { job: jobs[0] ?? null }
      }),
    ),

  async 'propay:forTickets'({ ticketIds }) {
    const unique = [...new Set(ticketIds.filter((id) => /^\d{1,18}$/.test(id)))].slice(0, MAX_TICKETS_PER_BATCH)
    const found = await lookUpTickets(unique)
    return { tickets: Object.fromEntries(unique.map((id, i) => [id, found[i] ?? null])) }
  },

  'propay:get': ({ id }) => withApi((call) => call('getProPay', { params: { id } })),

  async 'propay:approve'({ id }) {
    const approved = await withApi((call) => call('approveProPay', { params: { id }, body: {} }))
    clearProPayCache()
    return approved
  },
}
