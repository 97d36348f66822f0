import { ratio, type Ratio } from './ratio'

/** A non-negative decimal written as text, e.g. `'1250.75'`; text keeps quantities exact where a double would not. */
export type DecimalString = string

const DECIMAL = /^(\d+)(?:\.(\d+))?$/

export const isDecimalString = (value: unknown): value is DecimalString =>
  typeof value === 'string' && DECIMAL.test(value)

/** Parses a {@link DecimalString} into an exact fraction, e.g. `'12.5'` → 125/10. */
export function parseDecimal(value: DecimalString): Ratio {
  const match = DECIMAL.exec(value)
  if (!match) throw new RangeError(`not a non-negative decimal: ${JSON.stringify(value)}`)
  const fraction = match[2] ?? ''
  return ratio(BigInt(match[1]! + fraction), 10n ** BigInt(fraction.length))
}
