import type { Cents } from './units'

/** Byte order mark: without it Excel reads UTF-8 as the local code page and mangles names such as `李雷`. */
export const UTF8_BOM = '\uFEFF'
export const CRLF = '\r\n'

/**
 * One CSV field per RFC 4180, made safe for spreadsheets: a value starting with `=`, `+`, `-`, `@`, tab or CR would
 * run as a formula (CSV injection), so it gets a leading apostrophe; a value holding a comma, quote, CR or LF is
 * quoted with its quotes doubled.
 *
 * @example
 * csvField('Núñez, "Jr."') // → '"Núñez, ""Jr."""'
 * csvField('=HYPERLINK("x")') // → '"\'=HYPERLINK(""x"")"'
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** One record, ended by CRLF. */
export const csvRow = (fields: readonly string[]) => fields.map(csvField).join(',') + CRLF

/**
 * Cents as plain decimal dollars, e.g. 7500 → `75.00`, -5 → `-0.05`; integer arithmetic only, no floats, no
 * thousands separators (spreadsheets read them as text). Amounts are emitted as numbers, never through csvField's
 * apostrophe, because they are ours and not user text.
 */
export function centsToDecimal(cents: Cents): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be an integer, got ${cents}`)
  const abs = Math.abs(cents)
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

export const PAYROLL_CSV_HEADER = ['Worker Name', 'Worker ID', 'Pay Period Start', 'Pay Period End', 'Amount', 'Statement', 'Branch/Division'] as const

export interface PayrollCsvRow {
  readonly workerName: string
  readonly workerId: string
  readonly periodStart: string
  readonly periodEnd: string
  readonly amountCents: Cents
  /** `ST-001` style reference. */
  readonly statement: string
  readonly branch: string
}

/** A "Bonuses for Payroll" record (docs/domain/propay.md §13); the amount is a number, so it is not neutralised. */
export function payrollCsvRow(row: PayrollCsvRow): string {
  return [
    csvField(row.workerName),
    csvField(row.workerId),
    csvField(row.periodStart),
    csvField(row.periodEnd),
    centsToDecimal(row.amountCents),
    csvField(row.statement),
    csvField(row.branch),
  ].join(',') + CRLF
}

/** The first chunk of the file: the BOM and the header record. */
export const payrollCsvHead = () => UTF8_BOM + csvRow(PAYROLL_CSV_HEADER)
