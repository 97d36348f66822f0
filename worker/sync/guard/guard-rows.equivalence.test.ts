import fc from 'fast-check'
import { getTableColumns } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { type SyncedTableName, syncedTables } from '../../db/schema'
import { type AnyCanonicalRow, ENGINE_FILLED_COLUMNS } from '../canonical-row'
import { guardRows } from './guard-rows'
import { addSkip, type SkipTally } from './skip-tally'
import { isCritical, kindOfKey, labelOf, MAX_TEXT_LENGTH, type NumberRange, rangeOf, type ValueKind, YEAR_RANGE } from './value-rules'

// The guard before the rules were compiled per column (#16), kept as the reference it must match exactly.
const reference = (() => {
  const SHARED = new Set<string>([...ENGINE_FILLED_COLUMNS, 'externalId', 'vendorModified'])
  interface ColumnRule {
    key: string
    kind: ValueKind
    required: boolean
    range?: NumberRange
    enumValues?: readonly string[]
    fallback: unknown
  }
  const rulesOf = (table: SyncedTableName): ColumnRule[] =>
    Object.entries(getTableColumns(syncedTables[table]))
      .filter(([key]) => !SHARED.has(key))
      .map(([key, column]): ColumnRule => {
        const enumValues = (column as { enumValues?: readonly string[] }).enumValues
        const kind = kindOfKey(key, column.columnType, enumValues)
        const hasDefault = column.hasDefault && column.default !== undefined
        return { key, kind, required: (column.notNull && !hasDefault) || isCritical(table, key), range: rangeOf(table, key, kind), ...(enumValues?.length ? { enumValues } : {}), fallback: hasDefault ? column.default : null }
      })
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
  function check(rule: ColumnRule, value: unknown): { ok: true; value: unknown } | { ok: false; problem: string } {
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
  return function guardRows(table: SyncedTableName, rows: AnyCanonicalRow[], tally: SkipTally = {}) {
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
        if (result.ok) out[rule.key] = result.value
        else if (rule.required) {
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
})()

const junk = fc.oneof(
  fc.constantFrom(null, undefined, '', 'yes', 42, -0, 0.5, Number.NaN, Number.POSITIVE_INFINITY, true, false, {}, [], '8', 'x'.repeat(100_001)),
  fc.string({ maxLength: 12 }),
  fc.double(),
)

const pad = (n: number, width: number) => String(n).padStart(width, '0')
const dateText = fc
  .tuple(fc.oneof(fc.integer({ min: 1890, max: 2110 }), fc.constantFrom(0, 1, 1899, 1900, 2100, 2101, 9999)), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`)
const dates = fc.oneof(dateText, fc.constantFrom('2024-02-29', '2026-02-29', '1900-02-29', '2000-02-29', '2100-02-29', '2026-1-01', ' 2026-01-01', '2026-01-01 ', '2026-01-01T00:00:00', '２０２６-01-01'))
const instants = fc.oneof(
  fc.date({ min: new Date('1850-01-01T00:00:00Z'), max: new Date('2150-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.tuple(dateText, fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 60 }), fc.constantFrom('.000Z', 'Z', '.5Z', '+02:00', '', '.000z', '.000+00:00')).map(([d, h, m, tail]) => `${d}T${pad(h, 2)}:${pad(m, 2)}:00${tail}`),
  fc.constantFrom('1899-12-31T23:59:59.999Z', '1900-01-01T00:00:00.000Z', '2100-12-31T23:59:59.999Z', '2101-01-01T00:00:00.000Z', '2100-12-31T24:00:00.000Z', '+002026-06-12T00:00:00.000Z', 'soon', '2026-06-12', 'June 12, 2026'),
)
const numbers = fc.oneof(fc.integer({ min: -10, max: 100_000 }), fc.double({ min: -1e6, max: 1e18, noNaN: true }), fc.constantFrom(0, -0, 86_400, 86_401, 1_000_000, 1_000_001, 1e13, 1e13 + 1, 100_000, 100_001, 1e9, -1e9, -1e9 - 1, 0.5, -0.5, 2.5))

/** A value of the column's kind (often valid, sometimes at an edge), or junk. */
function valueOf(kind: ValueKind, enumValues: readonly string[] | undefined) {
  const fitting = {
    id: fc.oneof(fc.integer({ min: 0, max: 1e6 }).map(String), fc.integer(), fc.constantFrom('', 'x'.repeat(1000), 'x'.repeat(1001))),
    text: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', '<img src=x onerror=1>', 'x'.repeat(100_000))),
    enum: fc.constantFrom(...(enumValues ?? ['x']), 'maybe', ''),
    boolean: fc.boolean(),
    date: dates,
    instant: instants,
    seconds: numbers,
    cents: numbers,
    basisPoints: numbers,
    quantity: numbers,
  }[kind]
  return fc.oneof({ weight: 5, arbitrary: fitting }, { weight: 1, arbitrary: junk })
}

function rowsOf(table: SyncedTableName) {
  const shared = new Set<string>([...ENGINE_FILLED_COLUMNS, 'externalId', 'vendorModified'])
  const columns = Object.entries(getTableColumns(syncedTables[table])).filter(([key]) => !shared.has(key))
  const values = Object.fromEntries(columns.map(([key, column]) => {
    const enumValues = (column as { enumValues?: readonly string[] }).enumValues
    return [key, valueOf(kindOfKey(key, column.columnType, enumValues), enumValues)]
  }))
  const row = fc.record({
    externalId: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 50 }).map(String) }, { weight: 1, arbitrary: junk }),
    vendorModified: fc.oneof(fc.constantFrom(null, undefined, '2026-06-12T11:31:02', 'x'.repeat(100), 'x'.repeat(101)), junk),
    ...values,
    extra: fc.constantFrom('kept out', 1),
  })
  // A key the table lacks in one row of ten, and in another one or two of its keys left out (absent, not undefined).
  const dropSome = fc.tuple(row, fc.array(fc.constantFrom(...columns.map(([key]) => key), 'vendorModified'), { maxLength: 2 }), fc.integer({ min: 0, max: 9 })).map(([r, drop, extra]) => {
    const copy: Record<string, unknown> = { ...r }
    if (extra > 0) delete copy.extra
    if (extra === 1) for (const key of drop) delete copy[key]
    return copy as AnyCanonicalRow
  })
  return fc.array(dropSome, { maxLength: 8 })
}

const TABLES = Object.keys(syncedTables) as SyncedTableName[]

describe('guardRows against the implementation before #16', () => {
  for (const table of TABLES) {
    it(`should keep, skip, empty and count exactly as before for ${table}`, () => {
      fc.assert(
        fc.property(rowsOf(table), (rows) => {
          const before = reference(table, rows, { 'earlier|skipped|x': 1 })
          const now = guardRows(table, rows, { 'earlier|skipped|x': 1 })
          expect(now.rows).toStrictEqual(before.rows)
          // The same reasons in the same order: the tally is stored as JSON.
          expect(Object.entries(now.tally)).toStrictEqual(Object.entries(before.tally))
        }),
        { numRuns: 600 },
      )
    })
  }

  it('should keep a row that is already fit as the same object, and copy one with a key the table lacks', () => {
    const rows = [{ externalId: '2', vendorModified: null, name: 'North', timeZone: null, active: true }, { externalId: '3', vendorModified: null, name: 'South', timeZone: null, active: true, secret: 'x' }]
    const { rows: kept } = guardRows('branches', rows)
    expect(kept[0]).toBe(rows[0])
    expect(kept[1]).toStrictEqual({ externalId: '3', vendorModified: null, name: 'South', timeZone: null, active: true })
  })
})
