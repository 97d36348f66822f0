import type { ExNumber } from './types'

/**
 * A number ExakTime may send as a numeric string (`"8.5"`): null stays null, anything unreadable becomes NaN, which
 * the sync's value rules refuse and count instead of reading it as zero.
 */
export function looseNumber(value: ExNumber | undefined): number | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') return value
  const text = typeof value === 'string' ? value.trim() : ''
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? Number(text) : Number.NaN
}

/** ExakTime sends dollars and hours as decimals; we keep integer cents and seconds. An empty bucket is 0 h. */
export const hoursToSeconds = (hours: ExNumber | undefined) => Math.round((looseNumber(hours) ?? 0) * 3600)
export const dollarsToCents = (dollars: number) => Math.round(Number((dollars * 100).toFixed(4)))
export const datePart = (value: string | null | undefined) => (value ? value.slice(0, 10) : null)
