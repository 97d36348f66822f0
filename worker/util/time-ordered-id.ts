/**
 * UUIDv7 (RFC 9562): a 48-bit millisecond time, then random bits. Ids made later sort later, so a bulk insert appends
 * to its primary-key index instead of touching random pages of it: with random v4 ids, every page of a 250,000-row
 * backfill rewrote pages all over the growing index.
 * @module
 */
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

/**
 * `count` ids for one instant, ascending: the 12 bits after the version are a counter (RFC 9562 §6.2, method 1),
 * so the ids of one page sort in the order made; the remaining 62 bits are random.
 */
export function timeOrderedIds(count: number, now: number = Date.now()): string[] {
  const time = Math.max(0, Math.floor(now)).toString(16).padStart(12, '0').slice(-12)
  const ids: string[] = []
  const random = new Uint8Array(8)
  for (let i = 0; i < count; i++) {
    crypto.getRandomValues(random)
    const counter = (i & 0xfff).toString(16).padStart(3, '0')
    const variant = ((random[0]! & 0x3f) | 0x80).toString(16)
    const tail = hex(random).slice(2)
    ids.push(`${time.slice(0, 8)}-${time.slice(8)}-7${counter}-${variant}${tail.slice(0, 2)}-${tail.slice(2, 14)}`)
  }
  return ids
}
