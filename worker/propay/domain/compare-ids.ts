/**
 * The stable key order the spec uses to break rounding ties ("ascending worker id", docs/domain/propay.md §12). Vendor
 * ids are often numbers sent as text, so two all-digit ids compare as numbers ("9" before "10"); anything else compares
 * by code unit, which never depends on the locale.
 */
export function compareIds(a: string, b: string): number {
  if (ALL_DIGITS.test(a) && ALL_DIGITS.test(b)) {
    const x = stripLeadingZeros(a)
    const y = stripLeadingZeros(b)
    if (x.length !== y.length) return x.length - y.length
    if (x !== y) return x < y ? -1 : 1
  }
  return a < b ? -1 : a > b ? 1 : 0
}

/** A sorted copy without duplicates. */
export const sortedUniqueIds = (ids: Iterable<string>): string[] => [...new Set(ids)].sort(compareIds)

const ALL_DIGITS = /^\d+$/

const stripLeadingZeros = (digits: string) => digits.replace(/^0+(?=\d)/, '')
