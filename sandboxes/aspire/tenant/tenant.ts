/**
 * One Aspire tenant: a ClientId/Secret pair with its own data, clock, rate-limit bucket, fault switches
 * and request log. Its clock is the sandbox clock plus an offset that the control API can advance.
 * @module
 */
import { ENTITY_SET_NAMES, ENTITY_SETS, type AnyRow, type EntitySet, type Row } from '../entities'
import { generateTenantData } from '../generate/generate'
import type { SizeInput } from '../generate/sizes'
import { formatInZone } from '../time/local-time'
import { ianaZone, type TimeZoneNames } from '../time/zones'
import type { TenantConfig } from './config'
import { FaultBook } from './faults'
import { TokenBucket } from './rate-limit'
import { type LoggedRequest as SharedLoggedRequest, RequestLog } from '../../shared/request-log'
import { createExtras, createTenantData, type TenantData, type TenantExtras } from './tenant-data'
import type { AspireUser } from './users'
import { statusCodeOf, statusFields } from './work-ticket-status'

export interface TenantOptions {
  clientId: string
  secret: string
  seed: string
  size: SizeInput
  /** Company time zone (IANA); the first branch uses it. */
  timeZone: string
  timeZoneNames: TimeZoneNames
  /** IANA zone of each branch in order, overriding the defaults. */
  branchZones?: string[]
  /** Last day of generated history is the day before this (`YYYY-MM-DD`); default: today on the tenant clock. */
  anchorDate?: string
  /** Hostile data mixed in (generate/hostile.ts). */
  hostile?: boolean
}

interface AspireRequestExtra {
  /** The fault that shaped the answer, if any. */
  fault?: string
}

export type LoggedRequest = SharedLoggedRequest<AspireRequestExtra>

export class Tenant {
  readonly options: TenantOptions
  config: TenantConfig
  data: TenantData = createTenantData()
  extras: TenantExtras = createExtras()
  clockOffsetMs = 0
  /** Tokens issued under an older generation are expired (the "expire all tokens now" switch). */
  tokenGeneration = 0
  refreshGeneration = 0
  readonly bucket: TokenBucket
  readonly faults = new FaultBook()
  readonly log = new RequestLog<AspireRequestExtra>()
  private readonly baseNow: () => number

  constructor(options: TenantOptions, config: TenantConfig, baseNow: () => number) {
    this.options = options
    this.config = config
    this.baseNow = baseNow
    this.bucket = new TokenBucket(config.rateLimit, this.now())
    this.populate()
  }

  get clientId(): string {
    return this.options.clientId
  }

  /** Epoch ms on the tenant clock. */
  now(): number {
    return this.baseNow() + this.clockOffsetMs
  }

  /** The tenant clock as Aspire stores it for a zone (default: the company zone). */
  localNow(timeZone = this.options.timeZone): string {
    return formatInZone(this.now(), timeZone)
  }

  /** IANA zone of a branch, falling back to the company zone. */
  branchZone(branchId: unknown): string {
    const branch = typeof branchId === 'number' ? this.data.Branches.get(branchId) : undefined
    return branch?.TimeZone ? ianaZone(branch.TimeZone) : this.options.timeZone
  }

  /**
   * Records a change to `row` the way Aspire does: the entity's modified stamp (branch-local) and its
   * modified-by pair. Entities without a modified field are left as they are.
   */
  touch<E extends EntitySet>(set: E, row: Row<E>, user: AspireUser): void {
    const meta = ENTITY_SETS[set]
    const record = row as AnyRow
    if (meta.modified) record[meta.modified] = this.localNow(this.branchZone(record.BranchID))
    if (meta.modifiedBy) {
      record[meta.modifiedBy[0]] = user.id
      record[meta.modifiedBy[1]] = user.name
    }
    this.data[set].changed()
  }

  /** Regenerates the data from the seed; the clock, faults, log and rate bucket start over too. */
  reset(): void {
    this.clockOffsetMs = 0
    this.faults.clear()
    this.log.clear()
    this.bucket.configure(this.config.rateLimit, this.now())
    this.populate()
  }

  setConfig(patch: Partial<TenantConfig>): void {
    this.config = { ...this.config, ...patch }
    if (patch.rateLimit !== undefined) this.bucket.configure(this.config.rateLimit, this.now())
    if (patch.statusNames !== undefined || patch.canceledSpelling !== undefined) this.relabelStatuses()
  }

  counts(): Record<EntitySet, number> {
    return Object.fromEntries(ENTITY_SET_NAMES.map((set) => [set, this.data[set].size])) as Record<EntitySet, number>
  }

  private populate(): void {
    const anchorDate = this.options.anchorDate ?? this.localNow().slice(0, 10)
    const generated = generateTenantData({ ...this.options, anchorDate, config: this.config })
    this.data = generated.data
    this.extras = generated.extras
  }

  // Renaming a status in Aspire's settings does not touch the tickets, so no modified stamp moves.
  private relabelStatuses(): void {
    for (const ticket of this.data.WorkTickets.all()) Object.assign(ticket, statusFields(statusCodeOf(ticket), this.config))
    this.data.WorkTickets.changed()
  }
}
