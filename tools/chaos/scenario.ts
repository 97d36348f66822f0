/**
 * What the chaos runner needs from each vendor: a small seeded tenant, a connection to it through our
 * API, vendor-side changes and session expiry through the sandbox's control API, and the vendor's own
 * truth to check our tables against. Vendor knowledge stays in `vendors/<vendor>.ts`.
 * @module
 */
import type { Vendor } from '../../shared/api/connections'
import type { FaultKind } from './fault-fetch'
import type { Rng } from './rng'

export interface ChaosTenant {
  /** The sandbox's id of the tenant, for its control API. */
  id: string
  connect(token: string): Promise<string>
  /** One vendor-side change made behind our back: an edit, a deletion or an addition. */
  mutate(rng: Rng): Promise<void>
  /** Ends whatever session or token the connector holds, as the vendor would. */
  expireSession(rng: Rng): Promise<void>
  /**
   * The admin opens the vendor's site in Chrome, where the extension refreshes an ended browser session (#14); true
   * when it did. Only tenants connected through a browser session have it: a password signs in again by itself.
   */
  revisit?(token: string, connectionId: string): Promise<boolean>
  /** How the Worker runs this tenant's steps, when it differs (e.g. `BT_TRANSPORT: 'browser'`). */
  env?: Record<string, string>
  /** What kind of tenant this run drew, for the outcome line (e.g. "browser session, browser transport"). */
  variant?: string
  /** Problems found comparing our tables for the connection with the vendor's own records. */
  checkTruth(connectionId: string): Promise<string[]>
  /** Writes back to the vendor through our API (two-way vendors), and proof each was applied exactly once. */
  push?: {
    /** Queues one write; false when our API rightly refused it (e.g. the record it names is not synced yet). */
    create(rng: Rng, token: string, connectionId: string): Promise<boolean>
    check(token: string, connectionId: string): Promise<string[]> }
  remove(): Promise<void>
}

export interface ChaosVendor {
  vendor: Vendor
  /** The engine's cadence for this vendor: the runner's clock moves by at least this between cycles. */
  frequencyMs: number
  /** The faults this vendor's traffic can meet (writes only exist where the connector pushes). */
  faults: readonly FaultKind[]
  createTenant(rng: Rng): Promise<ChaosTenant>
  /** Tables filled from what other records mention, which outlive those records (see compareConnections). */
  learnedTables?: readonly string[]
  /**
   * How long some synced data may lag the vendor by design, when that is longer than a cycle (Buildertrend re-reads
   * per-job data for every job only once a day; Aspire finds silent deletions with an hourly presence pass): after
   * the storm the runner's clock first moves on by this much, so the oracle holds the engine to what its schedule
   * promises, no more.
   */
  slowestCadenceMs?: number
}

export const READ_FAULTS: readonly FaultKind[] = ['rate-limit', 'server-error', 'html-error', 'timeout', 'network', 'truncate', 'reorder', 'mutate']
