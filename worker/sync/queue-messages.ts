import type { runTriggers } from '../db/schema'

/** Asks the consumer to run one bounded step of a connection's sync, as the holder of `leaseToken`. */
export type SyncMessage = {
  kind: 'sync'
  connectionId: string
  leaseToken: string
  trigger: (typeof runTriggers)[number]
}
