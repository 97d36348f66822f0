/**
 * A REST list read in full (reference data is small) on the stream's own cadence (cadence.ts: hourly, pay rates
 * daily; cycles in between read nothing): paged with `page`/`page_size`, checkpointed by page number, and a presence
 * pass — what a complete pass did not see is soft-deleted. `next_page` ends
 * the pass; a page shorter than asked for while `next_page` is still set is simply followed.
 * @module
 */
import { z } from 'zod'
import type { SyncedTableName } from '../../db/schema'
import { type CanonicalRow, upsert } from '../../sync/canonical-row'
import type { DeletionScope, Stream, StreamPage, StreamState } from '../../sync/connector'
import { type CadenceCursor, isDue, readCadenceCursor, settingsFingerprint } from './cadence'
import { type ExakTimeContext, restPage } from './client'
import type { ExakTimeCredentials, ExakTimeSettings } from './settings'

export const REST_PAGE_SIZE = 100

/** The vendor's next page number: a whole number from 1 (anything else would make every request a 400). */
const checkpointSchema = z.object({ page: z.number().int().min(1) })
type Checkpoint = z.infer<typeof checkpointSchema>

export interface RestStreamSpec<Row, Table extends SyncedTableName> {
  name: string
  label: string
  path: (settings: ExakTimeSettings) => string
  /** What a person would call the data, in error messages. */
  what: string | ((settings: ExakTimeSettings) => string)
  table: Table
  pageSize?: number
  deletionEquals?: DeletionScope['equals']
  /** Rows for one vendor page; may read more from the vendor (e.g. an employee's pay rates). */
  map(rows: Row[], ctx: ExakTimeContext): CanonicalRow<Table>[] | Promise<CanonicalRow<Table>[]>
  /** How often a pass runs (cadence.ts); in between, cycles read nothing and keep everything. */
  everyMs: number
  /** The settings the stored rows depend on: when they change, the next cycle runs a pass whatever the time. */
  settingsKey?(settings: ExakTimeSettings): unknown
}

export function restStream<Row, Table extends SyncedTableName>(spec: RestStreamSpec<Row, Table>): Stream<ExakTimeCredentials, ExakTimeSettings, Checkpoint> {
  return {
    name: spec.name,
    label: spec.label,
    checkpointSchema,
    async nextPage(ctx: ExakTimeContext, state: StreamState<Checkpoint>): Promise<StreamPage<Checkpoint>> {
      const cp = state.checkpoint
      const fingerprint = await settingsFingerprint(spec.settingsKey?.(ctx.settings))
      if (!cp && state.backfilled && !isDue(readCadenceCursor(state.cursor), ctx.now, spec.everyMs, fingerprint)) return { upserts: [], checkpoint: null, cursor: state.cursor }
      const pageNumber = cp?.page ?? 1
      const size = spec.pageSize ?? REST_PAGE_SIZE
      const what = typeof spec.what === 'string' ? spec.what : spec.what(ctx.settings)
      const page = await restPage<Row>(ctx, spec.path(ctx.settings), pageNumber, size, what)
      const rows = await spec.map(page.data, ctx)
      const result: StreamPage<Checkpoint> = { upserts: [upsert(spec.table, rows)], seen: rows.map((r) => r.externalId), checkpoint: null }
      if (page.next_page !== null && page.next_page > pageNumber) {
        result.checkpoint = { page: page.next_page }
        return result
      }
      result.deletionScope = { table: spec.table, ...(spec.deletionEquals ? { equals: spec.deletionEquals } : {}) }
      // The pass's time, not a vendor stamp: our own UTC clock, so no vendor zone can shift it (issue #18).
      result.cursor = JSON.stringify({ readAt: new Date(ctx.now).toISOString(), settings: fingerprint } satisfies CadenceCursor)
      return result
    },
  }
}
