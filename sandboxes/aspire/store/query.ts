/**
 * Runs a collection GET against a table: binds the raw OData options to the entity's fields, picks the
 * sorted view for `$orderby`, narrows it by binary search when the filter bounds the ordered field (the
 * `LastModifiedDateTime ge X` watermark query and id ranges), then filters, skips and takes.
 * @module
 */
import { compileFilter, type Bound, type CompiledFilter } from '../odata/compile'
import { ODataError } from '../../shared/odata/odata-error'
import { parseFilter } from '../../shared/odata/parse'
import type { RawQueryOptions } from '../odata/query-options'
import { fieldsOf, type FieldInfo, type FieldKind } from '../spec/fields'
import { compareKeys, type Table } from './table'

type Row = Record<string, unknown>

export interface ListQuery {
  filter?: CompiledFilter
  /** Selected fields in schema order; absent means all. */
  select?: string[]
  orderBy: { field: string; kind: FieldKind; desc: boolean }
  offset: number
  size: number
  /** 1-based page this request asks for, used by the truncated-page fault. */
  page: number
}

export interface PagingPolicy {
  defaultPageSize: number
  maxPageSize: number
}

const fieldMaps = new Map<string, Map<string, FieldInfo>>()

export function fieldMap(schemaName: string): Map<string, FieldInfo> {
  let map = fieldMaps.get(schemaName)
  if (!map) {
    map = new Map(fieldsOf(schemaName).map((field) => [field.name, field]))
    fieldMaps.set(schemaName, map)
  }
  return map
}

export function bindQuery(raw: RawQueryOptions, schemaName: string, keyField: string, paging: PagingPolicy): ListQuery {
  const fields = fieldMap(schemaName)
  const unknown = (name: string) => new ODataError(`Could not find a property named '${name}' on type '${schemaName}'.`)

  let select: string[] | undefined
  if (raw.select !== undefined) {
    const names = raw.select.split(',').map((name) => name.trim())
    if (!names.includes('*')) {
      for (const name of names) if (!fields.has(name)) throw unknown(name)
      const wanted = new Set(names)
      select = fieldsOf(schemaName)
        .filter((field) => wanted.has(field.name))
        .map((field) => field.name)
    }
  }

  if (raw.expand !== undefined) {
    // Accepted for navigation properties and otherwise ignored: nested collections stay null (README).
    for (const name of raw.expand.split(',').map((part) => part.trim().split(/[(/]/)[0]!)) {
      if (fields.get(name)?.kind !== 'complex') throw unknown(name)
    }
  }

  let orderBy: ListQuery['orderBy'] = { field: keyField, kind: 'int', desc: false }
  if (raw.orderby !== undefined) {
    const clauses = raw.orderby.split(',')
    if (clauses.length > 1) throw new ODataError('Only one field may be given in $orderby.')
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?\s*$/.exec(clauses[0]!)
    if (!match) throw new ODataError(`Syntax error in $orderby '${raw.orderby}'.`)
    const info = fields.get(match[1]!)
    if (!info) throw unknown(match[1]!)
    if (info.kind === 'complex') throw new ODataError(`The property '${info.name}' cannot be used in the $orderby query option.`)
    orderBy = { field: info.name, kind: info.kind, desc: match[2] === 'desc' }
  }

  const filter = raw.filter === undefined ? undefined : compileFilter(parseFilter(raw.filter, { dateTimeLiterals: 'odata-v4' }), fields, schemaName)
  const size = Math.min(raw.top ?? raw.limit ?? paging.defaultPageSize, paging.maxPageSize)
  const pageNumber = raw.pageNumber ?? 1
  const offset = (raw.skip ?? 0) + (pageNumber - 1) * size
  const page = raw.pageNumber ?? (size > 0 ? Math.floor(offset / size) + 1 : 1)
  return { ...(filter ? { filter } : {}), ...(select ? { select } : {}), orderBy, offset, size, page }
}

export function runQuery<T extends Row>(table: Table<T>, query: ListQuery): T[] {
  const view = table.sortedBy(query.orderBy.field, query.orderBy.kind)
  const bounds = query.filter?.bounds.filter((bound) => bound.field === query.orderBy.field) ?? []
  const [lo, hi] = narrow(view, query.orderBy.field, query.orderBy.kind, bounds)
  const predicate = query.filter?.predicate
  const out: T[] = []
  if (query.size === 0) return out
  let skipped = 0
  const visit = (row: T) => {
    if (predicate && !predicate(row)) return false
    if (skipped < query.offset) {
      skipped++
      return false
    }
    out.push(row)
    return out.length >= query.size
  }
  if (query.orderBy.desc) {
    for (let i = hi - 1; i >= lo; i--) if (visit(view[i]!)) break
  } else {
    for (let i = lo; i < hi; i++) if (visit(view[i]!)) break
  }
  return out
}

export function project(rows: Row[], select: string[] | undefined): Row[] {
  if (!select) return rows
  return rows.map((row) => {
    const picked: Row = {}
    for (const name of select) picked[name] = row[name]
    return picked
  })
}

/** The index range of `view` (sorted ascending by `field`) that can satisfy all bounds. */
function narrow(view: readonly Row[], field: string, kind: FieldKind, bounds: Bound[]): [number, number] {
  let lo = 0
  let hi = view.length
  const sortKey = (row: Row) => (kind === 'string' && typeof row[field] === 'string' ? (row[field] as string).toLowerCase() : row[field])
  // First index whose key is >= value (strict=false) or > value (strict=true).
  const search = (value: unknown, strict: boolean) => {
    let a = 0
    let b = view.length
    while (a < b) {
      const mid = (a + b) >>> 1
      const c = compareKeys(sortKey(view[mid]!), value)
      if (c < 0 || (strict && c === 0)) a = mid + 1
      else b = mid
    }
    return a
  }
  for (const { op, value } of bounds) {
    if (op === 'ge' || op === 'eq') lo = Math.max(lo, search(value, false))
    if (op === 'gt') lo = Math.max(lo, search(value, true))
    if (op === 'le' || op === 'eq') hi = Math.min(hi, search(value, true))
    if (op === 'lt') hi = Math.min(hi, search(value, false))
  }
  return [lo, Math.max(lo, hi)]
}
