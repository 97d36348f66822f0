/**
 * The change-detection hash of a synced row: 64 bits from two multiply-xor lanes over the payload's text (the
 * cyrb53 construction, widened). It only has to tell a record's new version from its stored one — a collision would
 * skip one update of one row, at odds of 2⁻⁶⁴ per change — so it needs no cryptographic strength, and SHA-256 through
 * `crypto.subtle` (one promise per row) was the largest single cost of a backfill's planning.
 *
 * Stored as `2:` + 16 hex digits. Rows written before it hold a 43-character SHA-256 (base64url) of another text
 * (write-page.ts reads both, so an upgrade rewrites no row whose data is the same).
 * @module
 */
export const ROW_HASH_PREFIX = '2:'

export function rowHash(text: string): string {
  let h1 = 0xdeadbeef ^ text.length
  let h2 = 0x41c6ce57 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return `${ROW_HASH_PREFIX}${hex8(h2)}${hex8(h1)}`
}

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0')

/** Whether a stored hash is from before `rowHash` (a SHA-256 of the sorted-key payload object). */
export const isLegacyHash = (stored: string) => !stored.startsWith(ROW_HASH_PREFIX)
