/**
 * One simulated ExakTime company: its Company ID (the `{company}.exaktime.com` subdomain), Arcoro API
 * keys (with their access), live data, the nightly warehouse snapshot, clock, throttle, faults and request log.
 * @module
 */
import { randomBytes } from 'node:crypto'
import { RequestLog } from '../../shared/request-log'
import { generateTenantData } from '../generate/generate'
import type { SizeInput } from '../generate/sizes'
import { addDays, localDate, wallToEpoch } from './dates'
import { DEFAULT_CONFIG, type TenantConfig } from './config'
import { Faults } from './faults'
import type { TenantData } from './types'

export interface ApiKey {
  key: string
  /** Documented: "Each API key can be assigned as read-only or read-write" (docs/vendors/exaktime.md §12.2). */
  access: 'read' | 'read_write'
  /**
   * Resources the key may not read (OData sets such as `DwTimeRecords`, or REST resources such as `Employees`);
   * per-resource grants are *assumed* (docs/vendors/exaktime.md §12.2 documents only read-only / read-write).
   */
  denied?: string[]
}

export interface TenantOptions {
  companyId: string
  timeZone: string
  seed: string
  size: SizeInput
  jobSource: 'location' | 'job'
  /** Hostile data mixed in (generate/hostile.ts). */
  hostile?: boolean
}

export const randomToken = (bytes = 18) => randomBytes(bytes).toString('base64url')

export class Tenant {
  data: TenantData
  offsetMs = 0
  readonly faults = new Faults()
  readonly log = new RequestLog(5000)
  warehouse!: { refreshedAt: number; data: TenantData }
  private bucket = { windowStart: 0, used: 0 }

  constructor(
    readonly options: TenantOptions,
    public keys: ApiKey[],
    public config: TenantConfig,
    private readonly clock: () => number,
  ) {
    this.data = this.generate()
    this.refresh()
  }

  get companyId() {
    return this.options.companyId
  }

  now() {
    return this.clock() + this.offsetMs
  }

  today() {
    return localDate(this.now(), this.options.timeZone)
  }

  private generate() {
    return generateTenantData({ ...this.options, today: this.today() })
  }

  reset() {
    this.data = this.generate()
    this.faults.clear()
    this.log.clear()
    this.bucket = { windowStart: 0, used: 0 }
    this.refresh()
  }

  /** The nightly ETL: the warehouse now shows everything entered up to this instant. */
  refresh() {
    this.warehouse = { refreshedAt: this.now(), data: structuredClone(this.data) }
  }

  /** What `/odata` reads: the last snapshot (refreshed first if a night has passed), or live data. */
  warehouseView(): { refreshedAt: number; data: TenantData } {
    if (this.config.warehouse === 'live') return { refreshedAt: this.now(), data: this.data }
    if (this.config.autoRefresh && this.now() >= this.nextNightlyRefresh()) this.refresh()
    return this.warehouse
  }

  private nextNightlyRefresh() {
    const day = localDate(this.warehouse.refreshedAt, this.options.timeZone)
    const sameNight = wallToEpoch(`${day}T02:00:00`, this.options.timeZone)
    return sameNight > this.warehouse.refreshedAt ? sameNight : wallToEpoch(`${addDays(day, 1)}T02:00:00`, this.options.timeZone)
  }

  /** Counts a request against the per-minute budget; false when it is over. */
  admit(): boolean {
    const limit = this.config.rateLimitPerMinute
    if (limit === null) return true
    const now = this.now()
    if (now - this.bucket.windowStart >= 60_000) this.bucket = { windowStart: now, used: 0 }
    return ++this.bucket.used <= limit
  }

  /** Milliseconds until the current rate window ends. */
  windowRemainingMs() {
    return Math.max(0, this.bucket.windowStart + 60_000 - this.now())
  }

  record(method: string, path: string, status: number) {
    this.log.add({ at: new Date(this.now()).toISOString(), method, path, status })
  }

  keyAccess(key: string): ApiKey['access'] | undefined {
    return this.keys.find((k) => k.key === key)?.access
  }

  apiKey(key: string): ApiKey | undefined {
    return this.keys.find((k) => k.key === key)
  }
}
