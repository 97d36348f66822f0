/**
 * Applies the value rules (value-rules.ts) to a page of canonical rows of one table: rows that break a rule on a
 * value they cannot do without are dropped, bad optional values are emptied, and both are counted by reason so
 * the stream can tell people ("3 time entries skipped: hours out of range").
 * @module
 */
import { getTableColumns } from 'drizzle-orm'
import { type SyncedTableName, syncedTables } from '../../db/schema'
import { type AnyCanonicalRow, ENGINE_FILLED_COLUMNS } from '../canonical-row'
import { addSkip, type SkipTally } from './skip-tally'
import { isCritical, kindOfKey, labelOf, MAX_TEXT_LENGTH, type NumberRange, rangeOf, type ValueKind, YEAR_RANGE } from './value-rules'

/** Keys every synced table shares: those the engine fills, and the two a connector gives (checked apart). */
const SHARED = new Set<string>([...ENGINE_FILLED_COLUMNS, 'externalId', 'vendorModified'])

interface ColumnRule {
  key: string
  kind: ValueKind
  /** A bad value drops the record (a NOT NULL column without default, or a value the record is about). */
  required: boolean
  range?: NumberRange
  enumValues?: readonly string[]
  /** What to store instead of a bad value when the record is kept. */
  fallback: unknown
}

type Problem = 'missing' | 'not a number' | 'out of range' | 'not a real date' | 'too long' | 'not a known value'

const rulesCache = new Map<SyncedTableName, ColumnRule[]>()

function rulesOf(table: SyncedTableName): ColumnRule[] {
  const cached = rulesCache.get(table)
  if (cached) return cached
  const rules = Object.entries(getTableColumns(syncedTables[table]))
    .filter(([key]) => !SHARED.has(key))
    .map(([key, column]): ColumnRule => {
      const enumValues = (column as { enumValues?: readonly string[] }).enumValues
      const kind = kindOfKey(key, column.columnType, enumValues)
      const hasDefault = column.hasDefault && column.default !== undefined
      return {
        key,
        kind,
        required: (column.notNull && !hasDefault) || isCritical(table, key),
        range: rangeOf(table, key, kind),
        ...(enumValues?.length ? { enumValues } : {}),
        fallback: hasDefault ? column.default : null,
      }
    })
  rulesCache.set(table, rules)
  return rules
}

const inYears = (ms: number) => {
  const year = new Date(ms).getUTCFullYear()
  return Number.isFinite(ms) && year >= YEAR_RANGE.from && year <= YEAR_RANGE.to
}

function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value)
  if (!m) return false
  const ms = Date.parse(`${value}T00:00:00Z`)
  return inYears(ms) && new Date(ms).toISOString().slice(0, 10) === value
}

/** The value to store, or the problem with it. `undefined` and `null` are "no value". */
function check(rule: ColumnRule, value: unknown): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  if (value === null || value === undefined) {
    if (rule.fallback !== null) return { ok: true, value: rule.fallback }
    return rule.required ? { ok: false, problem: 'missing' } : { ok: true, value: null }
  }
  switch (rule.kind) {
    case 'id':
      if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value: String(value) }
      return typeof value === 'string' && value.length > 0 && value.length <= 1000 ? { ok: true, value } : { ok: false, problem: 'not a known value' }
    case 'text':
      if (typeof value !== 'string') return { ok: false, problem: 'not a known value' }
      if (value.length > MAX_TEXT_LENGTH) return { ok: false, problem: 'too long' }
      return rule.required && value.length === 0 ? { ok: false, problem: 'missing' } : { ok: true, value }
    case 'enum':
      return typeof value === 'string' && rule.enumValues!.includes(value) ? { ok: true, value } : { ok: false, problem: 'not a known value' }
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, problem: 'not a known value' }
    case 'date':
      return typeof value === 'string' && isRealDate(value) ? { ok: true, value } : { ok: false, problem: 'not a real date' }
    case 'instant': {
      const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN
      return inYears(ms) ? { ok: true, value } : { ok: false, problem: 'not a real date' }
    }
    case 'seconds':
    case 'cents':
    case 'basisPoints':
    case 'quantity': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, problem: 'not a number' }
      const whole = rule.kind === 'quantity' ? value : Math.round(value)
      const { min, max } = rule.range!
      return whole >= min && whole <= max ? { ok: true, value: whole } : { ok: false, problem: 'out of range' }
    }
  }
}

const validExternalId = (id: unknown): id is string => typeof id === 'string' && id.length > 0 && id.length <= 1000

/** The rows fit to store, and what was skipped or emptied (added to `tally`). */
export function guardRows(table: SyncedTableName, rows: AnyCanonicalRow[], tally: SkipTally = {}): { rows: AnyCanonicalRow[]; tally: SkipTally } {
  const rules = rulesOf(table)
  const kept: AnyCanonicalRow[] = []
  for (const row of rows) {
    if (!validExternalId(row.externalId)) {
      addSkip(tally, { table, action: 'skipped', reason: 'no usable id' })
      continue
    }
    const out: AnyCanonicalRow = { externalId: row.externalId, vendorModified: typeof row.vendorModified === 'string' && row.vendorModified.length <= 100 ? row.vendorModified : null }
    const emptied: string[] = []
    let skipReason: string | null = null
    for (const rule of rules) {
      const result = check(rule, row[rule.key])
      if (result.ok) {
        out[rule.key] = result.value
      } else if (rule.required) {
        skipReason = `${labelOf(rule.key)} ${result.problem}`
        break
      } else {
        out[rule.key] = rule.fallback
        emptied.push(`${labelOf(rule.key)} ${result.problem}`)
      }
    }
    if (skipReason) {
      addSkip(tally, { table, action: 'skipped', reason: skipReason })
      continue
    }
    for (const reason of emptied) addSkip(tally, { table, action: 'emptied', reason })
    kept.push(out)
  }
  return { rows: kept, tally }
}
