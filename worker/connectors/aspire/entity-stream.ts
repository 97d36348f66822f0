/**
 * One Aspire collection as a sync stream. Three kinds of pass, all resumable from a small checkpoint:
 *
 * - **full**: every record (from the sync start date where the entity has a date), keyset-paged by id so
 *   records added or removed mid-pass never shift a page. Used for the backfill and, each run, for
 *   entities without a modified field. It doubles as the presence pass that finds deletions.
 * - **changes**: records whose modified field is `ge` the cursor minus an overlap, ordered by that field.
 *   Keyset on the field itself (inclusive, deduplicated by hash downstream), so a record changed mid-pass
 *   moves behind us and is read again rather than skipped.
 * - **presence**: ids only, keyset by id, over the reconciliation window: deletions are never signalled by
 *   Aspire, so a complete presence pass soft-deletes what it no longer finds, and fetches any id it finds
 *   that we don't hold (e.g. a record inserted with an old modified date).
 * @module
 */
import { z } from 'zod'
import type { SyncedTableName } from '../../db/schema'
import { type CanonicalRow, upsert } from '../../sync/canonical-row'
import type { DeletionScope, Stream, StreamPage, StreamState } from '../../sync/connector'
import { type AspireContext, listAspire } from './client'
import type { AspireCredentials, AspireSettings } from './settings'
import { odataDateTime } from './odata-literal'
import { isUsableCursor, stampCeiling } from './stamp-ceiling'
import { branchZones, changesFrom } from './zone-spread'

export interface EntitySpec<Row, Table extends SyncedTableName> {
  name: string
  label: string
  path: string
  table: Table
  idField: keyof Row & string
  modifiedField?: keyof Row & string
  /** Date field bounding the import by the sync start date and the reconciliation window. */
  date?: { field: keyof Row & string; column: string; windowed: boolean }
  filter?: (settings: AspireSettings) => string | undefined
  deletionEquals?: DeletionScope['equals']
  map(row: Row, ctx: AspireContext): CanonicalRow<Table> | null
}

const idOrNull = z.number().nullable()
const stampOrNull = z.string().nullable()
const checkpointSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('full'), afterId: z.number(), minId: idOrNull, maxId: idOrNull, highWater: stampOrNull }),
  z.object({ mode: z.literal('changes'), from: z.string(), page: z.number().int().min(1), maxSeen: stampOrNull }),
  z.object({ mode: z.literal('presence'), afterId: z.number(), minId: idOrNull, maxId: idOrNull, since: z.string().nullable(), cursor: stampOrNull }),
])
type Checkpoint = z.infer<typeof checkpointSchema>

/**
 * Modified values are branch-local wall-clock strings: a pass starts the tenant's zone spread plus a commit lag
 * before the cursor (zone-spread.ts argues the bound); the re-read rows are deduplicated by hash downstream.
 */
const EPOCH = '1900-01-01T00:00:00'

const and = (...parts: Array<string | undefined | null>) => parts.filter(Boolean).map((p) => `(${p})`).join(' and ') || undefined

function isoDaysAgo(now: number, days: number) {
  return new Date(now - days * 86_400_000).toISOString().slice(0, 10)
}

export function entityStream<Row extends Record<string, unknown>, Table extends SyncedTableName>(
  spec: EntitySpec<Row, Table>,
): Stream<AspireCredentials, AspireSettings, Checkpoint> {
  const dateFrom = (settings: AspireSettings, since: string | null | undefined) =>
    spec.date && since ? `${spec.date.field} ge ${odataDateTime(since)}` : undefined
  const baseFilter = (ctx: AspireContext) => spec.filter?.(ctx.settings)
  const progressOf = (afterId: number, minId: number | null, maxId: number | null) =>
    minId === null || maxId === null || maxId <= minId ? undefined : Math.min(1, Math.max(0, (afterId - minId) / (maxId - minId)))

  const scope = (since: string | null): DeletionScope => ({
    table: spec.table,
    ...(spec.date && since ? { since: { column: spec.date.column, value: since } } : {}),
    ...(spec.deletionEquals ? { equals: spec.deletionEquals } : {}),
  })

  /** The window a presence pass re-checks: everything, or the trailing window for dated, large entities. */
  const presenceSince = (ctx: AspireContext) => {
    if (!spec.date) return null
    if (!spec.date.windowed) return ctx.settings.syncStartDate
    const windowStart = isoDaysAgo(ctx.now, ctx.settings.reconcileDays)
    return windowStart > ctx.settings.syncStartDate ? windowStart : ctx.settings.syncStartDate
  }

  async function maxId(ctx: AspireContext, filter: string | undefined): Promise<number | null> {
    const rows = await listAspire<Row>(ctx, spec.path, { filter, orderby: `${spec.idField} desc`, select: spec.idField, limit: 1, pageNumber: 1 })
    return rows[0] ? Number(rows[0][spec.idField]) : null
  }

  async function highWater(ctx: AspireContext): Promise<string | null> {
    if (!spec.modifiedField) return null
    const plausible = `${spec.modifiedField} le ${odataDateTime(stampCeiling(ctx.now))}`
    const rows = await listAspire<Row>(ctx, spec.path, { filter: plausible, orderby: `${spec.modifiedField} desc`, select: spec.modifiedField, limit: 1, pageNumber: 1 })
    return (rows[0]?.[spec.modifiedField] as string | null | undefined) ?? null
  }

  /**
   * A short page normally ends a pass, but a vendor can also cut a page short (a truncated response).
   * Ending the pass then would soft-delete everything after it, so one cheap probe confirms the end.
   */
  async function moreAfter(ctx: AspireContext, filter: string | undefined): Promise<boolean> {
    const rows = await listAspire<Row>(ctx, spec.path, { filter, select: spec.idField, limit: 1, pageNumber: 1 })
    return rows.length > 0
  }

  const mapRows = (rows: Row[], ctx: AspireContext) => rows.map((r) => spec.map(r, ctx)).filter((r): r is CanonicalRow<Table> => r !== null)

  async function fullPage(ctx: AspireContext, cp: Extract<Checkpoint, { mode: 'full' }>): Promise<StreamPage<Checkpoint>> {
    const since = ctx.settings.syncStartDate
    const limit = ctx.settings.pageSize
    const scopeFilter = and(dateFrom(ctx.settings, since), baseFilter(ctx))
    if (cp.maxId === null && cp.afterId === 0) cp = { ...cp, maxId: await maxId(ctx, scopeFilter) }
    const rows = await listAspire<Row>(ctx, spec.path, {
      filter: and(`${spec.idField} gt ${cp.afterId}`, scopeFilter),
      orderby: `${spec.idField} asc`,
      limit,
      pageNumber: 1,
    })
    const ids = rows.map((r) => Number(r[spec.idField]))
    const lastId = ids.length ? Math.max(...ids) : cp.afterId
    const minId = cp.minId ?? (ids.length ? Math.min(...ids) : null)
    const page: StreamPage<Checkpoint> = { upserts: [upsert(spec.table, mapRows(rows, ctx))], seen: ids.map(String), checkpoint: null }
    if (rows.length < limit && !(await moreAfter(ctx, and(`${spec.idField} gt ${lastId}`, scopeFilter)))) {
      page.deletionScope = scope(spec.date ? since : null)
      page.cursor = cp.highWater
      return page
    }
    page.checkpoint = { ...cp, afterId: lastId, minId } satisfies Checkpoint
    page.progress = progressOf(lastId, minId, cp.maxId)
    return page
  }

  async function changesPage(ctx: AspireContext, cp: Extract<Checkpoint, { mode: 'changes' }>): Promise<StreamPage<Checkpoint>> {
    const field = spec.modifiedField!
    const limit = ctx.settings.pageSize
    const notFuture = `${field} le ${odataDateTime(stampCeiling(ctx.now))}`
    const rows = await listAspire<Row>(ctx, spec.path, {
      filter: and(`${field} ge ${odataDateTime(cp.from)}`, notFuture, dateFrom(ctx.settings, ctx.settings.syncStartDate), baseFilter(ctx)),
      orderby: `${field} asc`,
      limit,
      pageNumber: cp.page,
    })
    const values = rows.map((r) => r[field] as string | null).filter((v): v is string => !!v)
    const last = values.at(-1) ?? cp.from
    const maxSeen = [cp.maxSeen, ...values].filter((v): v is string => !!v).sort().at(-1) ?? null
    const page: StreamPage<Checkpoint> = { upserts: [upsert(spec.table, mapRows(rows, ctx))], checkpoint: null }
    const changesFilter = (from: string) => and(`${field} gt ${odataDateTime(from)}`, notFuture, dateFrom(ctx.settings, ctx.settings.syncStartDate), baseFilter(ctx))
    if (rows.length < limit && !(await moreAfter(ctx, changesFilter(last)))) {
      page.checkpoint = { mode: 'presence', afterId: 0, minId: null, maxId: null, since: presenceSince(ctx), cursor: maxSeen } satisfies Checkpoint
      return page
    }
    // A full page all at one modified value cannot move the keyset forward: page through that value. A page
    // cut short at one value is simply asked for again.
    const samePage = rows.length < limit ? cp.page : cp.page + 1
    page.checkpoint = (last > cp.from ? { mode: 'changes', from: last, page: 1, maxSeen } : { ...cp, page: samePage, maxSeen }) satisfies Checkpoint
    return page
  }

  async function presencePage(ctx: AspireContext, cp: Extract<Checkpoint, { mode: 'presence' }>): Promise<StreamPage<Checkpoint>> {
    const limit = ctx.settings.pageSize
    const scopeFilter = and(dateFrom(ctx.settings, cp.since), baseFilter(ctx))
    if (cp.maxId === null && cp.afterId === 0) cp = { ...cp, maxId: await maxId(ctx, scopeFilter) }
    const rows = await listAspire<Row>(ctx, spec.path, {
      filter: and(`${spec.idField} gt ${cp.afterId}`, scopeFilter),
      orderby: `${spec.idField} asc`,
      select: spec.idField,
      limit,
      pageNumber: 1,
    })
    const ids = rows.map((r) => String(r[spec.idField]))
    const known = await ctx.existingIds(spec.table, ids)
    const missing = ids.filter((id) => !known.has(id))
    const fetched: Row[] = []
    for (let i = 0; i < missing.length; i += 100) {
      const chunk = missing.slice(i, i + 100)
      fetched.push(...(await listAspire<Row>(ctx, spec.path, { filter: `${spec.idField} in (${chunk.join(',')})`, limit: 1000, pageNumber: 1 })))
    }
    const numeric = ids.map(Number)
    const lastId = numeric.length ? Math.max(...numeric) : cp.afterId
    const minId = cp.minId ?? (numeric.length ? Math.min(...numeric) : null)
    const page: StreamPage<Checkpoint> = { upserts: [upsert(spec.table, mapRows(fetched, ctx))], seen: ids, checkpoint: null }
    if (rows.length < limit && !(await moreAfter(ctx, and(`${spec.idField} gt ${lastId}`, scopeFilter)))) {
      page.deletionScope = scope(cp.since)
      page.cursor = cp.cursor
      return page
    }
    page.checkpoint = { ...cp, afterId: lastId, minId } satisfies Checkpoint
    page.progress = progressOf(lastId, minId, cp.maxId)
    return page
  }

  return {
    name: spec.name,
    label: spec.label,
    checkpointSchema,
    async nextPage(ctx: AspireContext, state: StreamState<Checkpoint>): Promise<StreamPage<Checkpoint>> {
      let cp = state.checkpoint
      if (!cp) {
        cp =
          // A cursor from the future (stored before stamps were bounded) would hide every change: read in full instead.
          spec.modifiedField && state.backfilled && (state.cursor === null || isUsableCursor(state.cursor, ctx.now))
            ? { mode: 'changes', from: state.cursor ? changesFrom(state.cursor, await branchZones(ctx), ctx.now) : EPOCH, page: 1, maxSeen: state.cursor }
            : { mode: 'full', afterId: 0, minId: null, maxId: null, highWater: await highWater(ctx) }
      }
      switch (cp.mode) {
        case 'full':
          return fullPage(ctx, cp)
        case 'changes':
          return changesPage(ctx, cp)
        case 'presence':
          return presencePage(ctx, cp)
      }
    },
  }
}
