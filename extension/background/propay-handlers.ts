/**
 * ProPay look-ups for the inline badges on Aspire's pages. A list screen asks for many tickets at once: the
 * background answers from a short cache, shares look-ups already in flight and runs the rest a few at a time,
 * so a page full of rows never hammers the API. Approving drops the cache, so every badge reads the new status.
 * @module
 */
import type { JobView } from '../../shared/api/jobs'
import type { Messages, TicketProPay } from '../messaging/protocol'
import { apiBaseUrlItem } from '../storage/items'
import { apiClient } from './api'
import { describeFailure } from './describe-failure'

type ProPayMessage = Extract<keyof Messages, `propay:${string}`>
type ProPayHandlers = { [T in ProPayMessage]: (payload: Messages[T]['request']) => Promise<Messages[T]['response']> }

/** Long enough for a list re-render or a quick back-and-forth, short enough to pick up a sync's changes. */
export const PROPAY_CACHE_MS = 20_000
/** Look-ups in flight at once for one batch. */
export const PROPAY_CONCURRENCY = 3
/** Tickets per batch message (a list page shows at most a few hundred rows). */
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

export function clearProPayCache() {
  cache.clear()
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of the results. */
export async function mapWithLimit<I, O>(items: readonly I[], limit: number, work: (item: I) => Promise<O>): Promise<O[]> {
  const results = new Array<O>(items.length)
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
  return results
}

async function withApi<T>(work: (call: Awaited<ReturnType<typeof apiClient>>) => Promise<T>): Promise<T> {
  const baseUrl = await apiBaseUrlItem.getValue()
  try {
    return await work(await apiClient(baseUrl))
  } catch (err) {
    throw new Error(describeFailure(err, baseUrl))
  }
}

const ticketLookup = (ticketId: string) =>
  cached(`ticket:${ticketId}`, () =>
    withApi(async (call): Promise<TicketProPay | null> => {
      const { milestones } = await call('findMilestones', { query: { vendor: 'aspire', externalId: ticketId } })
      const found = milestones[0]
      if (!found) return null
      return {
        milestone: { externalId: found.milestone.externalId, name: found.milestone.name },
        job: { id: found.job.id, externalId: found.job.externalId, name: found.job.name },
        propay: found.milestone.propay,
      }
    }),
  )

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
    const found = await mapWithLimit(unique, PROPAY_CONCURRENCY, ticketLookup)
    return { tickets: Object.fromEntries(unique.map((id, i) => [id, found[i] ?? null])) }
  },

  'propay:get': ({ id }) => withApi((call) => call('getProPay', { params: { id } })),

  async 'propay:approve'({ id }) {
    const approved = await withApi((call) => call('approveProPay', { params: { id }, body: {} }))
    clearProPayCache()
    return approved
  },
}
