/**
 * A table's value rules (value-rules.ts) compiled once into one check per column. A check returns the value to
 * store, or a {@link Bad} naming the problem: no result object per value, so a backfill's 250,000 time entries
 * allocate nothing for the values that pass, and a value that passes unchanged comes back as the same value.
 * @module
 */
import { getTableColumns } from 'drizzle-orm'
import { type SyncedTableName, syncedTables } from '../../db/schema'
import { ENGINE_FILLED_COLUMNS } from '../canonical-row'
import { isInstantInYears, isRealDate } from './date-checks'
import { isCritical, kindOfKey, labelOf, MAX_TEXT_LENGTH, type NumberRange, rangeOf, type ValueKind } from './value-rules'

/** Keys every synced table shares: those the engine fills, and the two a connector gives (checked apart). */
const SHARED = new Set<string>([...ENGINE_FILLED_COLUMNS, 'externalId', 'vendorModified'])

export type Problem = 'missing' | 'not a number' | 'out of range' | 'not a real date' | 'too long' | 'not a known value'

/** What is wrong with a value; one shared instance per problem, told apart from values with `instanceof`. */
export class Bad {
  constructor(readonly problem: Problem) {}
}

const MISSING = new Bad('missing')
const NOT_A_NUMBER = new Bad('not a number')
const OUT_OF_RANGE = new Bad('out of range')
const NOT_A_REAL_DATE = new Bad('not a real date')
const TOO_LONG = new Bad('too long')
const NOT_KNOWN = new Bad('not a known value')

export interface ColumnCheck {
  key: string
  /** A bad value drops the record (a NOT NULL column without default, or a value the record is about). */
  required: boolean
  /** What to store instead of a bad value when the record is kept. */
  fallback: unknown
  /** The value to store, or what is wrong with it. `undefined` and `null` are "no value". */
  check: (value: unknown) => unknown
  /** "hours out of range", per problem: the tally's reasons, written once. */
  reasons: Record<Problem, string>
}

interface Rule {
  kind: ValueKind
  required: boolean
  range?: NumberRange
  enumValues?: readonly string[]
}

/** The check for a present value (neither null nor undefined) of a rule's kind. */
function presentCheck({ kind, required, range, enumValues }: Rule): (value: unknown) => unknown {
  switch (kind) {
    case 'id':
      return (value) => {
        if (typeof value === 'string') return value.length > 0 && value.length <= 1000 ? value : NOT_KNOWN
        return typeof value === 'number' && Number.isFinite(value) ? String(value) : NOT_KNOWN
      }
    case 'text':
      return (value) => {
        if (typeof value !== 'string') return NOT_KNOWN
        if (value.length > MAX_TEXT_LENGTH) return TOO_LONG
        return required && value.length === 0 ? MISSING : value
      }
    case 'enum': {
      const known = new Set(enumValues)
      return (value) => (typeof value === 'string' && known.has(value) ? value : NOT_KNOWN)
    }
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : NOT_KNOWN)
    case 'date':
      return (value) => (typeof value === 'string' && isRealDate(value) ? value : NOT_A_REAL_DATE)
    case 'instant':
      return (value) => (typeof value === 'string' && isInstantInYears(value) ? value : NOT_A_REAL_DATE)
    case 'quantity':
    case 'seconds':
    case 'cents':
    case 'basisPoints': {
      const { min, max } = range!
      const whole = kind !== 'quantity'
      return (value) => {
        if (typeof value !== 'number' || !Number.isFinite(value)) return NOT_A_NUMBER
        const stored = whole ? Math.round(value) : value
        return stored >= min && stored <= max ? stored : OUT_OF_RANGE
      }
    }
  }
}

function compile(table: SyncedTableName, key: string, column: { columnType: string; notNull: boolean; hasDefault: boolean; default?: unknown }): ColumnCheck {
  const enumValues = (column as { enumValues?: readonly string[] }).enumValues
  const kind = kindOfKey(key, column.columnType, enumValues)
  const hasDefault = column.hasDefault && column.default !== undefined
  const fallback = hasDefault ? column.default : null
  const required = (column.notNull && !hasDefault) || isCritical(table, key)
  const present = presentCheck({ kind, required, range: rangeOf(table, key, kind), ...(enumValues?.length ? { enumValues } : {}) })
  const absent = fallback !== null ? fallback : required ? MISSING : null
  const label = labelOf(key)
  const reasons = {} as Record<Problem, string>
  for (const bad of [MISSING, NOT_A_NUMBER, OUT_OF_RANGE, NOT_A_REAL_DATE, TOO_LONG, NOT_KNOWN]) reasons[bad.problem] = `${label} ${bad.problem}`
  return { key, required, fallback, check: (value) => (value === null || value === undefined ? absent : present(value)), reasons }
}

const cache = new Map<SyncedTableName, ColumnCheck[]>()

/** The table's column checks, in column order, compiled on first use. */
export function columnChecksOf(table: SyncedTableName): ColumnCheck[] {
  let checks = cache.get(table)
  if (!checks) {
    checks = Object.entries(getTableColumns(syncedTables[table]))
      .filter(([key]) => !SHARED.has(key))
      .map(([key, column]) => compile(table, key, column))
    cache.set(table, checks)
  }
  return checks
}
