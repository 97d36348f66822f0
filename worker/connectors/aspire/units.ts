import { roundNoisyCents } from '../../util/round-cents'

/** Aspire sends dollars and hours as decimals; we keep integer cents and seconds. */
export const dollarsToCents = (value: number | null | undefined) => (value === null || value === undefined ? null : roundNoisyCents(value * 100))
export const hoursToSeconds = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 3600))
export const percentToBasisPoints = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 100))
/** The date part of an Aspire date-time (`2026-06-12T00:00:00` → `2026-06-12`). */
export const datePart = (value: string | null | undefined) => (value ? value.slice(0, 10) : null)
export const idString = (value: number | null | undefined) => (value === null || value === undefined ? null : String(value))
