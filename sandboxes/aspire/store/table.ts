/**
 * One entity set of one tenant: rows kept sorted by key with an index by key, plus sorted views by other
 * fields that are built on first use and dropped on any change. Sync clients page through the same view
 * many times (`$orderby=LastModifiedDateTime`), so a 250k-row table pays for one sort, not one per page.
 * @module
 */
import { keyOf } from '../odata/operand'
import type { FieldKind } from '../spec/fields'

type Row = Record<string, unknown>

export class Table<T extends Row = Row> {
  readonly key: string
  private rows: T[] = []
  private byKey = new Map<number, T>()
  private views = new Map<string, T[]>()
  private nextKey: number
  /** Bumped on every change; lets callers cache derived data. */
  version = 0

  constructor(key: string, firstKey = 1) {
    this.key = key
    this.nextKey = firstKey
  }

  get size(): number {
    return this.rows.length
  }

  /** All rows in key order. Treat as read-only. */
  all(): readonly T[] {
    return this.rows
  }

  get(id: number): T | undefined {
    return this.byKey.get(id)
  }

  /** The key the next insert without a key receives. */
  peekNextKey(): number {
    return this.nextKey
  }

  /** Inserts a row; assigns the next key when the row's key is missing or 0. */
  insert(row: T): T {
    let id = row[this.key] as number | null | undefined
    if (!id) {
      id = this.nextKey
      ;(row as Row)[this.key] = id
    }
    if (this.byKey.has(id)) throw new Error(`Duplicate key ${this.key}=${id}`)
    const last = this.rows.at(-1)
    if (!last || (last[this.key] as number) < id) this.rows.push(row)
    else this.rows.splice(this.indexOf(id), 0, row)
    this.byKey.set(id, row)
    this.nextKey = Math.max(this.nextKey, id + 1)
    this.changed()
    return row
  }

  /** Applies a patch in place; the key itself never changes. */
  update(id: number, patch: Partial<T>): T | undefined {
    const row = this.byKey.get(id)
    if (!row) return undefined
    Object.assign(row, patch, { [this.key]: id })
    this.changed()
    return row
  }

  /** Removes a row without a trace, as Aspire does (there are no tombstones). */
  delete(id: number): boolean {
    if (!this.byKey.delete(id)) return false
    this.rows.splice(this.indexOf(id), 1)
    this.changed()
    return true
  }

  /** Call after mutating a row obtained from `get` directly. */
  changed(): void {
    this.version++
    this.views.clear()
  }

  /**
   * Rows ordered by `field` ascending (nulls first, as SQL Server sorts them), ties by key. Cached until
   * the next change.
   */
  sortedBy(field: string, kind: FieldKind): readonly T[] {
    if (field === this.key) return this.rows
    let view = this.views.get(field)
    if (!view) {
      const key = this.key
      // Precomputing sort keys keeps the comparator cheap for 250k rows.
      const keyed = this.rows.map((row) => ({ sortKey: keyOf(kind, row[field]), id: row[key] as number, row }))
      keyed.sort((a, b) => compareKeys(a.sortKey, b.sortKey) || a.id - b.id)
      view = keyed.map((entry) => entry.row)
      this.views.set(field, view)
    }
    return view
  }

  private indexOf(id: number): number {
    let lo = 0
    let hi = this.rows.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.rows[mid]![this.key] as number) < id) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/** Total order on sort keys with null lowest. */
export function compareKeys(a: unknown, b: unknown): number {
  if (a === b) return 0
  if (a === null || a === undefined) return -1
  if (b === null || b === undefined) return 1
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0
}
