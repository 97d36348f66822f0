/**
 * Buildertrend's value shapes to ours: money as numbers, `{value, scale}`, `{value}` or `"$1,234.50"` →
 * integer cents; sentinel dates → null; `"02 Site Preparation"` → code and name.
 * @module
 */
import type { BtMoney, BtNumber } from './types'

const cents = (dollars: number) => Math.round(Number((dollars * 100).toFixed(4)))

/** `{value, scale}`: `value` is the amount and `scale` its decimal places (how it is shown), not a divisor. */
export function moneyToCents(value: BtMoney): number | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') return Number.isFinite(value) ? cents(value) : null
  if (typeof value === 'object') return typeof value.value === 'number' ? cents(value.value) : null
  const text = value.trim()
  const negative = /^\(.*\)$/.test(text) || text.startsWith('-')
  const number = Number(text.replace(/[()$,\s-]/g, ''))
  if (!text || Number.isNaN(number)) return null
  return negative ? -cents(number) : cents(number)
}

/**
 * A number Buildertrend may send as a numeric string (`"480"`, `"1,042.5"`): null stays null (nothing recorded),
 * anything unreadable is NaN, which the sync's value rules refuse and count rather than read as zero.
 */
export function looseNumber(value: BtNumber | undefined): number | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') return value
  const text = typeof value === 'string' ? value.trim().replace(/,/g, '') : ''
  return text && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? Number(text) : Number.NaN
}

/** Buildertrend writes "no date" as 0001-01-01, 2006-01-01, 2055-01-01 or similar (docs/vendors/buildertrend.md §5). */
export function realDate(value: string | null | undefined): string | null {
  if (!value) return null
  const day = value.slice(0, 10)
  const year = Number(day.slice(0, 4))
  if (!/^\d{4}-\d\d-\d\d$/.test(day) || year <= 1 || year >= 2050 || day === '2006-01-01') return null
  return day
}

export function costCodeParts(title: string | null | undefined): { code: string | null; name: string } {
  const text = (title ?? '').trim()
  const m = /^(\d[\w.-]*)\s+(.+)$/.exec(text)
  return m ? { code: m[1]!, name: m[2]! } : { code: null, name: text || 'Unnamed cost code' }
}

/** Splits an integer total by weights, largest remainder first, so the parts always add up to the total. */
export function splitByWeights(total: number, weights: number[]): number[] {
  const positive = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0))
  const sum = positive.reduce((a, b) => a + b, 0)
  const fair = sum > 0 ? positive.map((w) => (total * w) / sum) : weights.map(() => total / weights.length)
  const parts = fair.map(Math.floor)
  let left = total - parts.reduce((a, b) => a + b, 0)
  const order = fair.map((f, i) => ({ i, r: f - Math.floor(f) })).sort((a, b) => b.r - a.r || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    parts[i]!++
    left--
  }
  return parts
}
