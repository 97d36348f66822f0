/**
 * How money, numbers, dates and times read in the extension: in the organisation's locale, currency and time zone
 * (#15), built on Intl. Amounts arrive as integer cents and stay integers until this module writes them as an exact
 * decimal string for Intl, so a figure never shows a cent the API did not send. Words stay English (the UI's
 * language); only how figures are written follows the locale.
 * @module
 */
import { DEFAULT_CURRENCY, DEFAULT_LOCALE } from '../../../shared/api/format-defaults'
import { relativeTime } from '../relative-time'

export interface FormatSettings {
  locale: string
  currency: string
  /** IANA zone the organisation's instants are shown in. */
  timeZone: string
}

export interface OrgFormat {
  readonly settings: FormatSettings
  /** Integer cents as money: `123456` → `$1,234.56` (en-US, USD) or `1.234,56 €` (de-DE, EUR); null → `—`. */
  money(cents: number | null | undefined): string
  /** A wage: `2500` → `$25.00/h`. */
  moneyPerHour(cents: number | null | undefined): string
  /** Seconds as hours with one decimal: `5400` → `1.5 h` (`1,5 h` in de-DE). */
  hours(seconds: number | null | undefined): string
  /** Basis points as a percentage: `2500` → `25%`, `1250` → `12.5%`. */
  percent(bp: number | null | undefined): string
  /**
   * A calendar date (`YYYY-MM-DD`, no zone: a pay period, an approval date) → `Mar 7, 2026` / `07.03.2026`; an
   * instant → the date it falls on in the organisation's zone.
   */
  date(value: string | null | undefined): string
  /** An instant (ISO with time) as date and time in the organisation's zone. */
  dateTime(iso: string | null | undefined): string
  /** The calendar date an instant falls on in the organisation's zone, as `YYYY-MM-DD`. */
  dayOf(iso: string | number): string
  /** "2 min ago", "in 1 min": for times that tick; pair it with `dateTime` for the exact moment. */
  relative(iso: string, now: number): string
}

const DASH = '—'

function pick<T>(make: () => T, fallback: () => T): T {
  try {
    return make()
  } catch {
    // An organisation setting this runtime's Intl refuses (the API checks them, an older session may not): defaults.
    return fallback()
  }
}

/** `-123456` → `"-1234.56"`: the exact decimal of integer cents, for Intl's string input (no float rounding). */
export function centsToDecimal(cents: number): `${number}` {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`money must be integer cents, got ${cents}`)
  const abs = Math.abs(cents)
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}` as `${number}`
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function createOrgFormat(input: Partial<FormatSettings> = {}): OrgFormat {
  const locale = pick(() => new Intl.NumberFormat(input.locale ?? DEFAULT_LOCALE).resolvedOptions().locale, () => DEFAULT_LOCALE)
  const moneyFormat = pick(
    () => new Intl.NumberFormat(locale, { style: 'currency', currency: input.currency ?? DEFAULT_CURRENCY }),
    () => new Intl.NumberFormat(locale, { style: 'currency', currency: DEFAULT_CURRENCY }),
  )
  const timeZone = pick(() => new Intl.DateTimeFormat(locale, { timeZone: input.timeZone ?? 'UTC' }).resolvedOptions().timeZone, () => 'UTC')
  const hoursFormat = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })
  // Calendar dates have no zone: read and written at UTC midnight so no offset moves them to another day.
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
  const zonedDateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone })
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })
  const dayParts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })

  const money = (cents: number | null | undefined) => (cents === null || cents === undefined ? DASH : moneyFormat.format(centsToDecimal(cents)))
  return {
    settings: { locale, currency: moneyFormat.resolvedOptions().currency!, timeZone },
    money,
    moneyPerHour: (cents) => (cents === null || cents === undefined ? DASH : `${money(cents)}/h`),
    // Rounded to tenths of an hour in integers first (360 s), so 0.05 h never rounds differently by engine.
    hours: (seconds) => (seconds === null || seconds === undefined ? DASH : `${hoursFormat.format(`${Math.round(seconds / 360) / 10}` as `${number}`)} h`),
    percent: (bp) => (bp === null || bp === undefined ? DASH : percentFormat.format(bp / 10_000)),
    date(value) {
      if (!value) return DASH
      const m = ISO_DATE.exec(value)
      if (m) return dateFormat.format(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!))
      // An instant: the day it falls on in the organisation's zone.
      const ms = Date.parse(value)
      return Number.isNaN(ms) ? value : zonedDateFormat.format(ms)
    },
    dateTime(iso) {
      if (!iso) return DASH
      const ms = Date.parse(iso)
      return Number.isNaN(ms) ? iso : dateTimeFormat.format(ms)
    },
    dayOf(iso) {
      const parts = Object.fromEntries(dayParts.formatToParts(new Date(iso)).map((p) => [p.type, p.value]))
      return `${parts.year}-${parts.month}-${parts.day}`
    },
    relative: (iso, now) => relativeTime(iso, now),
  }
}
