import { sha256Base64Url } from '../util/sha256'

/** JSON with object keys sorted at every level, so equal data always serialises the same way. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'null'
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`
}

export const stableHash = (value: unknown) => sha256Base64Url(stableStringify(value))

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * `stableStringify` of records that all have the same keys, every one present (null, never undefined), as the sync
 * engine's payloads do: the keys are sorted and quoted once, not per record. Same text, so the stored hashes still
 * match; a backfill hashes every record, and sorting each one's keys was a large part of it.
 */
export function flatStringifier(keys: readonly string[]): (record: Record<string, unknown>) => string {
  const sorted = [...keys].sort(byCodeUnit)
  const prefixes = sorted.map((k, i) => `${i ? ',' : '{'}${JSON.stringify(k)}:`)
  return (record) => {
    let text = ''
    for (let i = 0; i < sorted.length; i++) {
      const value = record[sorted[i]!]
      text += prefixes[i]! + (value !== null && typeof value === 'object' ? stableStringify(value) : JSON.stringify(value ?? null))
    }
    return sorted.length ? `${text}}` : '{}'
  }
}
