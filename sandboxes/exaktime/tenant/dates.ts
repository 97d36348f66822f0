/**
 * Calendar arithmetic on `YYYY-MM-DD` dates (UTC-based, so no DST surprises) and the company-local date
 * of an instant.
 * @module
 */
import { formatInZone } from '../../shared/zoned-time'

const DAY_MS = 86_400_000

export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)

/** 0 = Monday … 6 = Sunday. */
export const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7

export const mondayOf = (date: string) => addDays(date, -weekdayOf(date))

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)

/** The company-local calendar date of an instant. */
export const localDate = (epochMs: number, timeZone: string) => formatInZone(epochMs, timeZone).slice(0, 10)

export const localWallTime = (epochMs: number, timeZone: string) => formatInZone(epochMs, timeZone)

/** A company-local wall-clock time as an instant. */
export { wallToEpoch } from '../../shared/zoned-time'

export const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
