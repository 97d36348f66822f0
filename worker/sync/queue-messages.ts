import type { runTriggers } from '../db/schema'

/** Asks the consumer to run one bounded step of a connection's sync, as the holder of `leaseToken`. */
export type SyncMessage = {
  kind: 'sync'
  connectionId: string
  leaseToken: string
  trigger: (typeof runTriggers)[number]
}

/**
 * A page-triggered sync asked for inside its 15 s window (worker/connections/page-sync.ts), delivered when the window
 * ends: starts a run unless one has started since `requestedAt`.
 */
export type PageSyncKick = {
  kind: 'page-sync'
  connectionId: string
  requestedAt: number
}
