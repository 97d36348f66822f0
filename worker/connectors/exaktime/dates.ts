/** Whole calendar days, as the warehouse counts them (UTC arithmetic on `YYYY-MM-DD`, no DST). */
import { utcToLocal } from '../../util/zoned-time'

const DAY_MS = 86_400_000

export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)

/** The company-local date of an instant. */
export const localDate = (epochMs: number, timeZone: string) => utcToLocal(new Date(epochMs).toISOString(), timeZone).slice(0, 10)
