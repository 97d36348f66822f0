/**
 * The latest "modified" stamp Aspire could really have written. Stamps are branch-local wall-clock times without
 * an offset; a day past now in UTC is later than "now" in every zone. A record stamped beyond it (.NET's
 * `DateTime.MaxValue`, `9999-12-31T23:59:59`, from a bad import) must not become the cursor: every later change
 * would sort before it and never be read again. Such records are still read by full and presence passes.
 * @module
 */
const DAY_MS = 86_400_000

export const stampCeiling = (now: number) => new Date(now + DAY_MS).toISOString().slice(0, 19)

/** A cursor we can continue from: a stamp no later than the ceiling. */
export const isUsableCursor = (cursor: string | null | undefined, now: number): cursor is string => !!cursor && cursor <= stampCeiling(now)
