/**
 * What a vendor connector gives the sync engine. Everything vendor-specific stays behind this interface;
 * the engine sees canonical rows (typed per table), checkpoints (opaque to it, parsed with each stream's own
 * schema) and vendor errors.
 * @module
 */
import type { z } from 'zod'
import type { CredentialKind, Vendor } from '../../shared/api/connections'
import type { SyncedTableName } from '../db/schema'
import type { Upsert } from './canonical-row'
import type { VendorHttp } from './vendor-http'

export type { AnyCanonicalRow, CanonicalRow, Upsert } from './canonical-row'

/** Which rows a complete presence pass covers: rows in it that the pass did not see are soft-deleted. */
export interface DeletionScope {
  table: SyncedTableName
  /** Only rows with `column >= since` (e.g. a trailing window of work dates); all rows when absent. */
  since?: { column: string; value: string }
  /** Only rows with `column = value` (e.g. budgets of one kind). */
  equals?: { column: string; value: string }
  /** Only rows whose `column` is one of `values` (e.g. the budgets of the jobs a pass read). */
  within?: { column: string; values: string[] }
}

export interface StreamPage<Checkpoint = unknown> {
  upserts: Upsert[]
  /** Vendor ids present at the vendor, for deletion detection. */
  seen?: string[]
  /** Where to resume; `null` when this stream's pass is complete. */
  checkpoint: Checkpoint | null
  /** The new incremental watermark, stored when the pass completes. */
  cursor?: string | null
  /** Fraction of the pass done, 0..1, when the connector can tell. */
  progress?: number
  /** Set on the last page of a pass that saw every record in the scope. */
  deletionScope?: DeletionScope
  /** Replaces the stream's notice for people (null clears it), e.g. time held back until approved. */
  notice?: string | null
}

export interface StreamState<Checkpoint = unknown> {
  /** Parsed with the stream's `checkpointSchema`; `null` starts a pass (also when the stored one no longer parses). */
  checkpoint: Checkpoint | null
  cursor: string | null
  backfilled: boolean
}

export interface SyncContext<Credentials = unknown, Settings = unknown> {
  connectionId: string
  orgTimeZone: string
  credentials: Credentials
  settings: Settings
  http: VendorHttp
  now: number
  /**
   * Cloudflare Browser Rendering when the Worker has the binding (wrangler.toml `[browser]`), with the operator's
   * `BT_TRANSPORT` switch; only a connector that needs a real browser reads it (Buildertrend's transport/).
   */
  browser?: { binding?: { fetch: typeof fetch }; transport?: string }
  /** Runs when this step ends, whatever its outcome: where a connector releases what it opened (a browser). */
  defer?(cleanup: () => Promise<void>): void
  /**
   * The vendor renewed the credentials while they were used (a session cookie re-issued): the engine seals and stores
   * these when the step ends, so the next step starts from them. Absent where nothing can be stored (verify).
   */
  renewCredentials?(credentials: Credentials): void
  /** Which of these vendor ids we hold, not deleted (lets a presence pass fetch records it never saw). */
  existingIds(table: SyncedTableName, externalIds: string[]): Promise<Set<string>>
  /**
   * Whether we hold any live row of this table for the connection. Lets a stream's first pass know nothing it did not
   * write could be left to delete, so it need not record what it sees. Absent: assume we do.
   */
  holdsAny?(table: SyncedTableName): Promise<boolean>
  /**
   * Whether we hold a live row in the scope other than these vendor ids: whether a complete pass that saw exactly them
   * would soft-delete anything. Lets a connector skip a request it needs only before deleting (Aspire's end probe).
   * Absent: assume it would.
   */
  holdsOutside?(scope: DeletionScope, externalIds: string[]): Promise<boolean>
  /** One column of the live rows we hold among these vendor ids (lets a connector keep history it can no longer re-read). */
  heldValues(table: SyncedTableName, externalIds: string[], column: string): Promise<Map<string, unknown>>
}

/** Who the credentials belong to, as the vendor says. */
export interface VerifiedAccount {
  /** What a person sees; may change (a renamed company), so it follows the latest credentials. */
  accountLabel: string
  /** The vendor's stable id of the account, when it has one: what tells "same company" from "another company". */
  accountId?: string
}

export interface Stream<C = unknown, S = unknown, Checkpoint = unknown> {
  name: string
  /** What a person calls this data ("Time entries"). */
  label: string
  /**
   * What a pass re-reads and how often, in words for the connection status, when a stream does not re-read all of
   * its data every sync (e.g. some parts only once a day). Absent: everything, every sync.
   */
  cadence?: string
  /**
   * The shape of this stream's checkpoint. The engine parses the stored one with it before `nextPage` sees it;
   * one that no longer parses (a deploy changed the shape) restarts the pass from the cursor.
   */
  checkpointSchema: z.ZodType<Checkpoint>
  nextPage(ctx: SyncContext<C, S>, state: StreamState<Checkpoint>): Promise<StreamPage<Checkpoint>>
}

export interface Connector<C = unknown, S = unknown> {
  vendor: Vendor
  defaultFrequencySeconds: number
  credentialsSchema: z.ZodType<C>
  settingsSchema: z.ZodType<S>
  /**
   * What these credentials are (a password, a browser session, an API key), stored beside them so the connection view
   * can say how to reconnect without decrypting anything. Given stored credentials too, which may predate today's schema.
   */
  credentialKind(credentials: C): CredentialKind
  /** The credential values that must never be shown or stored readable: vendor error texts are scrubbed of them. */
  secrets(credentials: C): string[]
  /** Signs in with the credentials and reads something cheap; throws a VendorError saying what is wrong. */
  verify(ctx: SyncContext<C, S>): Promise<VerifiedAccount>
  streams(settings: S): Stream<C, S>[]
  /**
   * When set, reconnecting (new credentials for an existing connection) must reach the same vendor account, by the
   * `accountId` `verify` gives (by the label where either side has none): credentials of another account are refused
   * with a 409 and these words, instead of mixing two companies' data in one connection.
   */
  otherAccountOnReconnect?(theirs: string, ours: string): string
  /** Writes back to the vendor, where the vendor supports them. */
  push?: Partial<Record<PushKind, PushHandler<C, S>>>
}

export type PushKind = 'time_entry' | 'material'

/** One outbox record as a connector sees it. */
export interface PushItem {
  id: string
  operation: 'create' | 'update'
  state: 'pending' | 'sending'
  payload: Record<string, unknown>
  vendorExternalId: string | null
  baseVendorModified: string | null
  recovery: Record<string, unknown> | null
}

export type PushOutcome =
  | { state: 'pushed'; vendorExternalId: string }
  /** The vendor refused it for good (e.g. validation): a person must act. */
  | { state: 'failed'; reason: string }
  /** Changed on both sides: the vendor's version stands, ours is logged. */
  | { state: 'conflict'; reason: string; theirs: Record<string, unknown> | null }

export interface PushContext<C = unknown, S = unknown> extends SyncContext<C, S> {
  /** Records the item as `sending` (with what recovery needs) before the write leaves: a lost answer is then detectable. */
  markSending(recovery?: Record<string, unknown>): Promise<void>
  /** Vendor ids already claimed by other outbox records of this kind (so a lookup never adopts someone else's record). */
  claimedVendorIds(kind: PushKind): Promise<Set<string>>
}

export type PushHandler<C = unknown, S = unknown> = (ctx: PushContext<C, S>, item: PushItem) => Promise<PushOutcome>
