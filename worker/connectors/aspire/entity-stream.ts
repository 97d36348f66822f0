/**
 * One Aspire collection as a sync stream. Three kinds of pass, all resumable from a small checkpoint:
 *
 * - **full**: every record (from the sync start date where the entity has a date), keyset-paged by id so
 *   records added or removed mid-pass never shift a page. Used for the backfill and for entities without a
 *   modified field. With `deletes` it is complete (a short page is confirmed by a probe) and doubles as the
 *   presence pass that finds deletions; without, it is the cheap every-cycle read of such an entity.
 * - **changes**: records whose modified field is `ge` the cursor minus an overlap, ordered by that field.
 *   Keyset on the field itself (inclusive, deduplicated by hash downstream), so a record changed mid-pass
 *   moves behind us and is read again rather than skipped.
 * - **presence**: ids only, keyset by id, over the reconciliation window: deletions are never signalled by
 *   Aspire, so a complete presence pass soft-deletes what it no longer finds, and fetches any id it finds
 *   that we don't hold (e.g. a record inserted with an old modified date).
 * - **list**: the every-cycle complete read of an `eachCycle: 'complete'` entity, newest first (listPage argues
 *   why); one request when nothing was removed.
 *
 * The cadence (pass-cursor.ts): every cycle, one changes page per entity with a modified field, and one read by
 * id per entity without (`eachCycle`); a presence pass (or a complete full pass) once an hour. A pass that only
 * reads (changes, or full without `deletes`) ends at its first short page without the end probe: a page cut short
 * in transit then delays the rest by one cycle (the cursor is the largest stamp or id actually read, so the next
 * cycle starts before the rest) and deletes nothing.
 * @module
 */
import { z } from 'zod'
import type { SyncedTableName } from '../../db/schema'
import { type CanonicalRow, upsert } from '../../sync/canonical-row'
import type { DeletionScope, Stream, StreamPage, StreamState } from '../../sync/connector'
import { type AspireContext, listAspire } from './client'
import type { AspireCredentials, AspireSettings } from './settings'
import { odataDateTime } from './odata-literal'
import { isoAt, presenceDue, readPassCursor, writePassCursor } from './pass-cursor'
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
  /**
   * What each cycle reads of an entity without a modified field, between the hourly presence passes:
   * - `all` (default): every record by id, to catch edits by hash (small tables: one page);
   * - `new`: only ids above the highest read (a table too large to re-read each cycle; edits show within the hour);
   * - `complete`: every record, deleting what is gone: a list that must be complete each cycle. Read newest first, so
   *   the end probe is needed only when a record we hold is missing (listPage).
   */
  eachCycle?: 'all' | 'new' | 'complete'
  /**
   * The fields `map` and `onCompleteList` read. Record reads ask for these alone (`$select`, documented), with the
   * id, modified and date fields: a time entry with every field is ~1.4 KB of JSON, with these ~0.4 KB, and parsing
   * the vendor's answer was a large part of a backfill. A mapper that reads a field not listed fails its test
   * (streams.test.ts), never silently reads null.
   */
  fields: ReadonlyArray<keyof Row & string>
  /** Handed the records of a complete pass read in one page (the branches: this step's zone spread). */
  onCompleteList?(ctx: AspireContext, rows: Row[]): void
  map(row: Row, ctx: AspireContext): CanonicalRow<Table> | null
}

const idOrNull = z.number().nullable()
const stampOrNull = z.string().nullable()
/** When a deleting pass started (its deletions are those made before it): null in a checkpoint from before. */
const startedAt = z.string().nullable().default(null)
const checkpointSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('full'),
    afterId: z.number(),
    minId: idOrNull,
    maxId: idOrNull,
    highWater: stampOrNull,
    deletes: z.boolean().default(true),
    startedAt,
    /**
     * A first pass that began with nothing held: every row held at its end came from it, so there is nothing to delete
     * and no presence to record (on a 250,000-entry backfill, a quarter of the writes and a pass-end scan).
     */
    fresh: z.boolean().default(false),
  }),
  z.object({ mode: z.literal('changes'), from: z.string(), page: z.number().int().min(1), maxSeen: stampOrNull }),
  z.object({ mode: z.literal('presence'), afterId: z.number(), minId: idOrNull, maxId: idOrNull, since: z.string().nullable(), cursor: stampOrNull, startedAt }),
  /** Keyset down by id: the next page reads ids below `beforeId` (null: from the top). */
  z.object({ mode: z.literal('list'), beforeId: idOrNull }),
])
type Checkpoint = z.infer<typeof checkpointSchema>

/**
 * Modified values are branch-local wall-clock strings: a pass starts the tenant's zone spread plus a commit lag
 * before the cursor (zone-spread.ts argues the bound); the re-read rows are deduplicated by hash downstream.
 */
const EPOCH = '1900-01-01T00:00:00'

/**
 * Whether the live rows we hold in the scope are all among these ids, and at least one is: then a complete pass that
 * read exactly these would delete nothing. Without the engine's answer, assume it would.
 */
async function holdsExactlyAmong(ctx: AspireContext, scope: DeletionScope, ids: string[]): Promise<boolean> {
  if (!ids.length || !ctx.holdsOutside || (await ctx.holdsOutside(scope, ids))) return false
  return (await ctx.existingIds(scope.table, ids)).size > 0
}

const and = (...parts: Array<string | undefined | null>) => parts.filter(Boolean).map((p) => `(${p})`).join(' and ') || undefined

function isoDaysAgo(now: number, days: number) {
  return new Date(now - days * 86_400_000).toISOString().slice(0, 10)
}

/** An entity spec whatever its row and table, as the list of specs holds them. */
export type AnyEntitySpec = EntitySpec<Record<string, unknown>, SyncedTableName>

/**
 * Checks a spec against its row and table types (fields, id and modified fields are that row's keys, `map` gives that
 * table's rows), then keeps it in a list of specs of any entity.
 */
export const entitySpec = <Row extends Record<string, unknown>, Table extends SyncedTableName>(spec: EntitySpec<Row, Table>): AnyEntitySpec => spec as unknown as AnyEntitySpec

/** The `$select` of an entity's record reads: the fields its mapper reads, and those the stream pages and bounds by. */
export function selectOf(spec: Pick<AnyEntitySpec, 'fields' | 'idField' | 'modifiedField' | 'date'>): string {
  return [...new Set([spec.idField, spec.modifiedField, spec.date?.field, ...spec.fields].filter((f): f is string => !!f))].join(',')
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

  const select = selectOf(spec)
  const mapRows = (rows: Row[], ctx: AspireContext) => rows.map((r) => spec.map(r, ctx)).filter((r): r is CanonicalRow<Table> => r !== null)

  const fullScope = (ctx: AspireContext) => and(dateFrom(ctx.settings, ctx.settings.syncStartDate), baseFilter(ctx))

  /** A full pass: `deletes` for the backfill and the hourly presence; `measure` reads the largest id for progress. */
  async function startFull(ctx: AspireContext, options: { deletes: boolean; afterId: number; measure: boolean; highWater: boolean; first?: boolean }): Promise<Checkpoint> {
    const fresh = options.deletes && options.afterId === 0 && options.first === true && ctx.holdsAny !== undefined && !(await ctx.holdsAny(spec.table))
    return {
      mode: 'full',
      afterId: options.afterId,
      minId: null,
      maxId: options.measure ? await maxId(ctx, fullScope(ctx)) : null,
      highWater: options.highWater ? await highWater(ctx) : null,
      deletes: options.deletes,
      startedAt: isoAt(ctx.now),
      fresh,
    }
  }

  async function fullPage(ctx: AspireContext, cp: Extract<Checkpoint, { mode: 'full' }>, state: StreamState<Checkpoint>): Promise<StreamPage<Checkpoint>> {
    const since = ctx.settings.syncStartDate
    const limit = ctx.settings.pageSize
    const scopeFilter = fullScope(ctx)
    const rows = await listAspire<Row>(ctx, spec.path, {
      filter: and(`${spec.idField} gt ${cp.afterId}`, scopeFilter),
      orderby: `${spec.idField} asc`,
      select,
      limit,
      pageNumber: 1,
    })
    const ids = rows.map((r) => Number(r[spec.idField]))
    const lastId = ids.length ? Math.max(...ids) : cp.afterId
    const minId = cp.minId ?? (ids.length ? Math.min(...ids) : null)
    const page: StreamPage<Checkpoint> = { upserts: [upsert(spec.table, mapRows(rows, ctx))], ...(cp.deletes && !cp.fresh ? { seen: ids.map(String) } : {}), checkpoint: null }
    const prev = readPassCursor(state.cursor)
    const highestId = Math.max(lastId, prev.lastId ?? 0)
    if (!cp.deletes && rows.length < limit) {
      page.cursor = writePassCursor({ ...prev, lastId: highestId })
      return page
    }
    if (rows.length < limit && !(await moreAfter(ctx, and(`${spec.idField} gt ${lastId}`, scopeFilter)))) {
      if (!cp.fresh) page.deletionScope = scope(spec.date ? since : null)
      if (cp.afterId === 0) spec.onCompleteList?.(ctx, rows)
      // A list read complete every cycle has no cadence to remember (and its cursor stays as it always was: none).
      page.cursor = spec.eachCycle === 'complete' ? null : writePassCursor({ modified: cp.highWater, presenceAt: cp.startedAt ?? isoAt(ctx.now), lastId: lastId })
      return page
    }
    page.checkpoint = { ...cp, afterId: lastId, minId } satisfies Checkpoint
    page.progress = progressOf(lastId, minId, cp.maxId)
    return page
  }

  /**
   * The every-cycle read of a list that must be complete, keyset *down* by id, so that a page cut short can be told
   * from the end without the probe. A response cut short loses its tail; newest first, the tail is the oldest records,
   * which we hold (ids grow with each insert, *assumed* in docs/vendors/aspire.md §14.2, and the pass before read them complete).
   * So a short first page that holds every record we hold, and at least one of them, is the whole list: nothing to
   * delete, nothing hidden, not even a record added since (it would sort first). Otherwise a record we hold is gone
   * or the page was cut, and the probe tells which before anything is deleted. Read oldest first, a cut would lose
   * the newest records, which we do not hold yet, and the page would look whole: for Branches, a new branch's zone
   * missing from this step's spread.
   */
  async function listPage(ctx: AspireContext, cp: Extract<Checkpoint, { mode: 'list' }>): Promise<StreamPage<Checkpoint>> {
    const limit = ctx.settings.pageSize
    const scopeFilter = fullScope(ctx)
    const rows = await listAspire<Row>(ctx, spec.path, {
      filter: and(cp.beforeId === null ? undefined : `${spec.idField} lt ${cp.beforeId}`, scopeFilter),
      orderby: `${spec.idField} desc`,
      select,
      limit,
      pageNumber: 1,
    })
    const ids = rows.map((r) => String(r[spec.idField]))
    const lowest = ids.length ? Math.min(...ids.map(Number)) : cp.beforeId
    const first = cp.beforeId === null
    const deletion = scope(spec.date ? ctx.settings.syncStartDate : null)
    const page: StreamPage<Checkpoint> = { upserts: [upsert(spec.table, mapRows(rows, ctx))], checkpoint: null, cursor: null }
    if (rows.length < limit && first && (await holdsExactlyAmong(ctx, deletion, ids))) {
      spec.onCompleteList?.(ctx, rows)
      return page
    }
    page.seen = ids
    if (rows.length < limit && !(await moreAfter(ctx, and(lowest === null ? undefined : `${spec.idField} lt ${lowest}`, scopeFilter)))) {
      page.deletionScope = deletion
      if (first) spec.onCompleteList?.(ctx, rows)
      return page
    }
    page.checkpoint = { mode: 'list', beforeId: lowest } satisfies Checkpoint
    return page
  }

  async function changesPage(ctx: AspireContext, cp: Extract<Checkpoint, { mode: 'changes' }>, state: StreamState<Checkpoint>): Promise<StreamPage<Checkpoint>> {
    const field = spec.modifiedField!
    const limit = ctx.settings.pageSize
    const notFuture = `${field} le ${odataDateTime(stampCeiling(ctx.now))}`
    const rows = await listAspire<Row>(ctx, spec.path, {
      filter: and(`${field} ge ${odataDateTime(cp.from)}`, notFuture, dateFrom(ctx.settings, ctx.settings.syncStartDate), baseFilter(ctx)),
      orderby: `${field} asc`,
      select,
      limit,
      pageNumber: cp.page,
    })
    const values = rows.map((r) => r[field] as string | null).filter((v): v is string => !!v)
    const last = values.at(-1) ?? cp.from
    const maxSeen = [cp.maxSeen, ...values].filter((v): v is string => !!v).sort().at(-1) ?? null
    const page: StreamPage<Checkpoint> = { upserts: [upsert(spec.table, mapRows(rows, ctx))], checkpoint: null }
    // A short page ends the pass without a probe: rows are in stamp order, so a page cut short in transit holds the
    // smallest stamps, and the next cycle starts before the largest one read (which becomes the cursor).
    if (rows.length < limit) {
      const prev = readPassCursor(state.cursor)
      if (presenceDue(prev, ctx.now)) {
        page.checkpoint = { mode: 'presence', afterId: 0, minId: null, maxId: null, since: presenceSince(ctx), cursor: maxSeen, startedAt: isoAt(ctx.now) } satisfies Checkpoint
      } else {
        page.cursor = writePassCursor({ ...prev, modified: maxSeen })
      }
      return page
    }
    // A full page all at one modified value cannot move the keyset forward: page through that value.
    page.checkpoint = (last > cp.from ? { mode: 'changes', from: last, page: 1, maxSeen } : { ...cp, page: cp.page + 1, maxSeen }) satisfies Checkpoint
    return page
  }

  async function presencePage(ctx: AspireContext, cp: Extract<Checkpoint, { mode: 'presence' }>, state: StreamState<Checkpoint>): Promise<StreamPage<Checkpoint>> {
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
      fetched.push(...(await listAspire<Row>(ctx, spec.path, { filter: `${spec.idField} in (${chunk.join(',')})`, select, limit: 1000, pageNumber: 1 })))
    }
    const numeric = ids.map(Number)
    const lastId = numeric.length ? Math.max(...numeric) : cp.afterId
    const minId = cp.minId ?? (numeric.length ? Math.min(...numeric) : null)
    const page: StreamPage<Checkpoint> = { upserts: [upsert(spec.table, mapRows(fetched, ctx))], seen: ids, checkpoint: null }
    if (rows.length < limit && !(await moreAfter(ctx, and(`${spec.idField} gt ${lastId}`, scopeFilter)))) {
      page.deletionScope = scope(cp.since)
      page.cursor = writePassCursor({ ...readPassCursor(state.cursor), modified: cp.cursor, presenceAt: cp.startedAt ?? isoAt(ctx.now) })
      return page
    }
    page.checkpoint = { ...cp, afterId: lastId, minId } satisfies Checkpoint
    page.progress = progressOf(lastId, minId, cp.maxId)
    return page
  }

  async function startPass(ctx: AspireContext, state: StreamState<Checkpoint>): Promise<Checkpoint> {
    const prev = readPassCursor(state.cursor)
    if (spec.modifiedField) {
      // A cursor from the future (stored before stamps were bounded) would hide every change: read in full instead.
      if (state.backfilled && (prev.modified === null || isUsableCursor(prev.modified, ctx.now))) {
        return { mode: 'changes', from: prev.modified ? changesFrom(prev.modified, await branchZones(ctx), ctx.now) : EPOCH, page: 1, maxSeen: prev.modified }
      }
      return startFull(ctx, { deletes: true, afterId: 0, measure: true, highWater: true, first: !state.backfilled })
    }
    const each = spec.eachCycle ?? 'all'
    // The first pass of a complete list keeps the keyset up with its probe: with nothing held, only the probe can
    // tell a cut page from the end.
    if (each === 'complete' && state.backfilled) return { mode: 'list', beforeId: null }
    if (each === 'complete' || !state.backfilled || presenceDue(prev, ctx.now)) {
      return startFull(ctx, { deletes: true, afterId: 0, measure: !state.backfilled || each !== 'complete', highWater: false, first: !state.backfilled })
    }
    return startFull(ctx, { deletes: false, afterId: each === 'new' ? (prev.lastId ?? 0) : 0, measure: false, highWater: false })
  }

  return {
    name: spec.name,
    label: spec.label,
    checkpointSchema,
    async nextPage(ctx: AspireContext, state: StreamState<Checkpoint>): Promise<StreamPage<Checkpoint>> {
      const cp = state.checkpoint ?? (await startPass(ctx, state))
      switch (cp.mode) {
        case 'full':
          return fullPage(ctx, cp, state)
        case 'changes':
          return changesPage(ctx, cp, state)
        case 'presence':
          return presencePage(ctx, cp, state)
        case 'list':
          return listPage(ctx, cp)
      }
    },
  }
}
