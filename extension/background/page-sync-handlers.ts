/**
 * Page-triggered sync: a content script saw, in the vendor's own page, an action that changes data we sync (a work
 * ticket marked Complete in Aspire, a shift edited in Buildertrend, time approved in ExakTime). Each live connection
 * of that vendor gets a hint (`POST /connections/:id/page-sync`); the backend decides when to run and re-reads the
 * vendor, so nothing the page says is trusted as data. The answer comes once those runs have finished (or after
 * `FOLLOW_MS`), with the ProPay cache dropped, so the badges the content script then reloads show the new figures.
 * @module
 */
import type { Messages, PageSyncOutcome } from '../messaging/protocol'
import { clearProPayCache } from './propay-handlers'
import { withApi } from './with-api'

type Handler<T extends keyof Messages> = (payload: Messages[T]['request']) => Promise<Messages[T]['response']>

/** A page-triggered run starts at once or within the backend's 15 s window; an incremental cycle takes seconds. */
export const FOLLOW_MS = 40_000
export const POLL_MS = 1000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function pageSyncHandlers(options: { followMs?: number; pollMs?: number } = {}): { 'sync:pageAction': Handler<'sync:pageAction'> } {
  const { followMs = FOLLOW_MS, pollMs = POLL_MS } = options
  return {
    'sync:pageAction': ({ vendor, action, recordId }): Promise<PageSyncOutcome> =>
      withApi(async (call) => {
        const { connections } = await call('listConnections')
        // A paused connection or one waiting for a relink would refuse: no request for those.
        const live = connections.filter((c) => c.vendor === vendor && !c.paused && c.status !== 'relink_needed')
        const outcomes = await Promise.all(
          live.map(async (c) => {
            const answer = await call('pageSync', { params: { id: c.id }, body: { action, ...(recordId ? { recordId } : {}) } })
            return { id: c.id, started: answer.started, runsAt: answer.runsAt, lastRunFinishedAt: c.lastRunFinishedAt, finished: false }
          }),
        )
        const deadline = Date.now() + followMs
        while (outcomes.some((o) => !o.finished) && Date.now() < deadline) {
          await sleep(pollMs)
          for (const o of outcomes.filter((x) => !x.finished)) {
            const now = await call('getConnection', { params: { id: o.id } }).catch(() => null)
            o.finished = !now || (now.status !== 'syncing' && now.lastRunFinishedAt !== o.lastRunFinishedAt)
          }
        }
        if (outcomes.length) clearProPayCache()
        return { connections: outcomes }
      }),
  }
}
