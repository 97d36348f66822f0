/**
 * Page-triggered sync (#16): the extension saw, in the vendor's own page, an action that changes data we use (a work
 * ticket marked Complete in Aspire, a shift edited in Buildertrend, time approved in ExakTime) and asks for a sync
 * now instead of at the next scheduled cycle. The request is only a hint: nothing from the page is stored; the run
 * re-reads the vendor (an incremental pass touches only what changed) and ends with the bonus trigger, so a misread
 * page costs one cheap cycle. Rate: at most one page-triggered start per connection every 15 s, sharing the Force sync
 * clock (`last_forced_at`); a hint inside that window, or while a run is going, is folded into one follow-up run.
 * @module
 */
import { PAGE_SYNC_ACTIONS, type PageSyncAction, type PageSyncResponse } from '../../shared/api/connections'
import type { Env } from '../env'
import type { PageSyncKick } from '../sync/queue-messages'
import { ApiError } from '../http/api-error'
import { nowIso } from '../util/clock'
import { claimStartWindow, startSyncNow } from '../sync/start-sync'

export const PAGE_SYNC_MIN_INTERVAL_MS = 15_000

const VENDOR_NAMES = { aspire: 'Aspire', buildertrend: 'Buildertrend', exaktime: 'ExakTime' } as const

interface PageSyncConnection {
  id: string
  vendor: keyof typeof PAGE_SYNC_ACTIONS
  paused: boolean
  status: string
  lastErrorMessage: string | null
}

export async function requestPageSync(env: Env, conn: PageSyncConnection, action: PageSyncAction, now = Date.now()): Promise<PageSyncResponse> {
  const watched: readonly string[] = PAGE_SYNC_ACTIONS[conn.vendor]
  if (!watched.includes(action)) {
    throw new ApiError('bad_request', `"${action}" is not an action Protiv watches in ${VENDOR_NAMES[conn.vendor]}; it watches ${watched.join(', ')}.`, [{ path: 'action', message: 'not an action of this vendor' }])
  }
  if (conn.paused) throw new ApiError('conflict', 'This connection is paused, so changes in the page are not synced. Resume it first.')
  if (conn.status === 'relink_needed') throw new ApiError('conflict', `${conn.lastErrorMessage ?? 'The vendor refused our credentials.'} Reconnect before syncing.`)

  if (await claimStartWindow(env.DB, conn.id, now, PAGE_SYNC_MIN_INTERVAL_MS)) {
    if (await startSyncNow(env, conn.id, 'page', now)) return { started: true, runsAt: null, message: 'Syncing this change now.' }
    // A run is going; it may have read this record before the change. The engine runs again as soon as it ends.
    return { started: false, runsAt: null, message: 'A sync is running; another follows as soon as it ends, to pick up this change.' }
  }
  // Inside the window: one delayed kick starts a run when the window ends, unless a run has started by then.
  const window = await env.DB.prepare('SELECT last_forced_at AS lastForcedAt FROM connections WHERE id = ?1').bind(conn.id).first<{ lastForcedAt: string | null }>()
  const endsAt = Date.parse(window?.lastForcedAt ?? nowIso(now)) + PAGE_SYNC_MIN_INTERVAL_MS
  await env.SYNC_QUEUE.send({ kind: 'page-sync', connectionId: conn.id, requestedAt: now } satisfies PageSyncKick, { delaySeconds: Math.max(1, Math.ceil((endsAt - now) / 1000)) })
  return { started: false, runsAt: nowIso(Math.max(endsAt, now)), message: 'A sync ran for a change on this page seconds ago; this change follows in a few seconds.' }
}

/** The delayed kick: a run for the hint, unless one started after it was asked for (that run read the change). */
export async function runPageSyncKick(env: Env, kick: PageSyncKick, now = Date.now()): Promise<boolean> {
  const conn = await env.DB.prepare('SELECT paused, status, deleted_at AS deletedAt, last_run_started_at AS lastRunStartedAt FROM connections WHERE id = ?1')
    .bind(kick.connectionId)
    .first<{ paused: number; status: string; deletedAt: string | null; lastRunStartedAt: string | null }>()
  if (!conn || conn.deletedAt || conn.paused || conn.status === 'relink_needed') return false
  if (conn.lastRunStartedAt && conn.lastRunStartedAt >= nowIso(kick.requestedAt)) return false
  // Marks the ask, so a run going now is followed by another (run-step's follow-up), then tries to start one.
  await env.DB.prepare('UPDATE connections SET last_forced_at = ?1, next_run_at = ?1 WHERE id = ?2').bind(nowIso(now), kick.connectionId).run()
  return startSyncNow(env, kick.connectionId, 'page', now)
}
