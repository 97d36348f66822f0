/**
 * Applies the value rules (value-rules.ts) to a page of canonical rows of one table: rows that break a rule on a
 * value they cannot do without are dropped, bad optional values are emptied, and both are counted by reason so
 * the stream can tell people ("3 time entries skipped: hours out of range").
 * @module
 */
import type { SyncedTableName } from '../../db/schema'
import type { AnyCanonicalRow } from '../canonical-row'
import { Bad, type ColumnCheck, columnChecksOf } from './column-checks'
import { addSkip, type SkipTally } from './skip-tally'

const validExternalId = (id: unknown): id is string => typeof id === 'string' && id.length > 0 && id.length <= 1000

const usableVendorModified = (value: unknown) => typeof value === 'string' && value.length <= 100

/**
 * Whether the row is already exactly what the guard would store: every value passes unchanged and the row holds no
 * other keys. Nearly every row a connector maps is, so it is kept as it is rather than copied.
 */
function storableAsIs(row: AnyCanonicalRow, checks: ColumnCheck[]): boolean {
  if (row.vendorModified !== null && !usableVendorModified(row.vendorModified)) return false
  for (const { key, check } of checks) {
    const value = row[key]
    if (check(value) !== value) return false
  }
  // A copy is a plain object; for one, for-in sees only its own keys. Every column (and externalId,
  // vendorModified) is present, so only extra keys can make the count larger.
  if (Object.getPrototypeOf(row) !== Object.prototype) return false
  let keys = 0
  for (const _ in row) keys++
  return keys === checks.length + 2
}

/** The fit copy of a row that is not storable as is, or the reason to skip it; emptied fields go to `emptied`. */
function copyFit(row: AnyCanonicalRow, checks: ColumnCheck[], emptied: string[]): AnyCanonicalRow | string {
  const out: AnyCanonicalRow = { externalId: row.externalId, vendorModified: usableVendorModified(row.vendorModified) ? row.vendorModified : null }
  for (const { key, required, fallback, check, reasons } of checks) {
    const result = check(row[key])
    if (!(result instanceof Bad)) out[key] = result
    else if (required) return reasons[result.problem]
    else {
      out[key] = fallback
      emptied.push(reasons[result.problem])
    }
  }
  return out
}

/** The rows fit to store, and what was skipped or emptied (added to `tally`). */
export function guardRows(table: SyncedTableName, rows: AnyCanonicalRow[], tally: SkipTally = {}): { rows: AnyCanonicalRow[]; tally: SkipTally } {
  const checks = columnChecksOf(table)
  const kept: AnyCanonicalRow[] = []
  for (const row of rows) {
    if (!validExternalId(row.externalId)) {
      addSkip(tally, { table, action: 'skipped', reason: 'no usable id' })
      continue
    }
    if (storableAsIs(row, checks)) {
      kept.push(row)
      continue
    }
    const emptied: string[] = []
    const fit = copyFit(row, checks, emptied)
    if (typeof fit === 'string') {
      addSkip(tally, { table, action: 'skipped', reason: fit })
      continue
    }
    for (const reason of emptied) addSkip(tally, { table, action: 'emptied', reason })
    kept.push(fit)
  }
  return { rows: kept, tally }
}
