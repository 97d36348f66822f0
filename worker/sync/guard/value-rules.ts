/**
 * The rules every canonical row must meet before it is stored, whatever the vendor. Connectors turn vendor
 * shapes into canonical rows (vendor quirks stay there: Buildertrend's money strings, Aspire's wall-clock
 * times); these rules then decide what is plausible enough to build a bonus on:
 *
 * | value | rule | when broken |
 * |---|---|---|
 * | time entry hours (duration, overtime, double time) | a number of seconds in 0–24 h | the entry is **skipped** |
 * | other durations (estimates, budgets, actuals) | 0 – 100,000 h | the field is left empty |
 * | a wage's hourly rate | more than $0, at most $10,000 an hour | the wage is **skipped** |
 * | other hourly rates | $0 – $10,000 an hour | the field is left empty |
 * | other money | $0 – $100 billion (material costs may be negative: returns) | the field is left empty |
 * | burden | 0 – 1,000 % | the field is left empty |
 * | quantities | at most a billion either way | skipped where required, else left empty |
 * | dates | a real calendar date, 1900–2100 | skipped where required (work date, effective date), else left empty |
 * | instants (start/end) | a real instant, 1900–2100 | the field is left empty |
 * | text | kept verbatim, HTML and all (it is only ever shown as text); at most 100,000 characters | skipped where required, else left empty |
 * | statuses and kinds | one of the column's values | the record is **skipped** |
 *
 * Money is capped far below `Number.MAX_SAFE_INTEGER` cents (~$90 trillion) so that sums and products in the
 * ProPay math (seconds × wage × burden, budgets × basis points) stay exact integers; a value that is not a finite
 * number (NaN, Infinity, text that is not a number) counts as "not a number". Skipped records and emptied fields
 * are counted per stream and shown to people as the stream's notice.
 * @module
 */
import type { SyncedTableName } from '../../db/schema'

export const MAX_ENTRY_SECONDS = 24 * 3600
export const MAX_BUDGET_SECONDS = 100_000 * 3600
export const MAX_HOURLY_CENTS = 1_000_000
export const MAX_MONEY_CENTS = 10_000_000_000_000
export const MAX_BURDEN_BP = 100_000
export const MAX_QUANTITY = 1_000_000_000
export const MAX_TEXT_LENGTH = 100_000
export const YEAR_RANGE = { from: 1900, to: 2100 } as const

export type ValueKind = 'id' | 'text' | 'enum' | 'boolean' | 'date' | 'instant' | 'seconds' | 'cents' | 'basisPoints' | 'quantity'

export interface NumberRange {
  min: number
  max: number
}

/** Ranges that differ from a kind's default, per table and column key. */
const RANGE_OVERRIDES: Partial<Record<SyncedTableName, Record<string, NumberRange>>> = {
  timeEntries: {
    durationSeconds: { min: 0, max: MAX_ENTRY_SECONDS },
    overtimeSeconds: { min: 0, max: MAX_ENTRY_SECONDS },
    doubleTimeSeconds: { min: 0, max: MAX_ENTRY_SECONDS },
    hourlyCents: { min: 0, max: MAX_HOURLY_CENTS },
  },
  wages: { hourlyCents: { min: 1, max: MAX_HOURLY_CENTS } },
  materialAllocations: { unitCostCents: { min: -MAX_MONEY_CENTS, max: MAX_MONEY_CENTS }, totalCostCents: { min: -MAX_MONEY_CENTS, max: MAX_MONEY_CENTS } },
}

const DEFAULT_RANGES: Partial<Record<ValueKind, NumberRange>> = {
  seconds: { min: 0, max: MAX_BUDGET_SECONDS },
  cents: { min: 0, max: MAX_MONEY_CENTS },
  basisPoints: { min: 0, max: MAX_BURDEN_BP },
  quantity: { min: -MAX_QUANTITY, max: MAX_QUANTITY },
}

/** Columns whose bad value makes the whole record unusable even though the column may be empty in SQL. */
const CRITICAL: Partial<Record<SyncedTableName, ReadonlySet<string>>> = {
  timeEntries: new Set(['durationSeconds', 'overtimeSeconds', 'doubleTimeSeconds']),
}

export const rangeOf = (table: SyncedTableName, key: string, kind: ValueKind): NumberRange | undefined => RANGE_OVERRIDES[table]?.[key] ?? DEFAULT_RANGES[kind]

export const isCritical = (table: SyncedTableName, key: string) => CRITICAL[table]?.has(key) ?? false

/** What kind of value a column holds, from its name (the synced schema names columns by unit). */
export function kindOfKey(key: string, sqlType: string, enumValues: readonly string[] | undefined): ValueKind {
  if (enumValues?.length) return 'enum'
  if (sqlType === 'SQLiteBoolean') return 'boolean'
  if (key.endsWith('ExternalId')) return 'id'
  if (key.endsWith('Seconds') || key === 'seconds') return 'seconds'
  if (key.endsWith('Cents')) return 'cents'
  if (key.endsWith('BasisPoints')) return 'basisPoints'
  if (key === 'quantity') return 'quantity'
  if (key.endsWith('Date')) return 'date'
  if (key.endsWith('At')) return 'instant'
  return 'text'
}

const LABELS: Record<string, string> = {
  durationSeconds: 'hours',
  overtimeSeconds: 'overtime hours',
  doubleTimeSeconds: 'double-time hours',
  seconds: 'hours',
  hourlyCents: 'hourly rate',
  costCents: 'cost',
  amountCents: 'amount',
  burdenBasisPoints: 'burden',
  budgetSeconds: 'budget hours',
  budgetLaborCents: 'labor budget',
  estimatedSeconds: 'estimated hours',
  estimatedLaborCents: 'estimated labor cost',
  actualSeconds: 'actual hours',
  startAt: 'start time',
  endAt: 'end time',
}

/** A column as a person calls it: `contractPriceCents` → "contract price". */
export function labelOf(key: string): string {
  const known = LABELS[key]
  if (known) return known
  const stem = key.replace(/(ExternalId|Cents|Seconds|BasisPoints)$/, '')
  return stem.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}

const NOUNS: Record<SyncedTableName, [string, string]> = {
  branches: ['branch', 'branches'],
  routes: ['crew', 'crews'],
  clients: ['client', 'clients'],
  jobs: ['job', 'jobs'],
  milestones: ['milestone', 'milestones'],
  workers: ['employee', 'employees'],
  wages: ['wage', 'wages'],
  timeEntries: ['time entry', 'time entries'],
  materialAllocations: ['material entry', 'material entries'],
  budgets: ['budget line', 'budget lines'],
  costCodes: ['cost code', 'cost codes'],
}

export const nounOf = (table: SyncedTableName, count: number) => NOUNS[table][count === 1 ? 0 : 1]
