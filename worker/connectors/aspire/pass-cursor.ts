/**
 * What an Aspire stream keeps between passes, stored as its cursor: the modified stamp its changes passes continue
 * from, when its last complete presence pass started, and the highest id it has read (where a stream without a
 * modified field looks for new records). Presence passes, the id scans that find silent deletions, run on their own
 * slower cadence rather than every cycle: the 35-day window of time entries was 56 of a no-change cycle's 98
 * requests (bench/README.md).
 *
 * A cursor stored before this shape is the bare stamp (or null after migration 0005): it reads as that stamp with no
 * presence pass known, so the next cycle runs one.
 * @module
 */
import { z } from 'zod'

/** How often each stream re-checks which records still exist: a silent deletion is seen within this, plus a cycle. */
export const PRESENCE_EVERY_MS = 60 * 60_000

const cursorSchema = z.object({
  modified: z.string().nullable(),
  presenceAt: z.iso.datetime().nullable(),
  lastId: z.number().nullable(),
})
export type PassCursor = z.infer<typeof cursorSchema>

const NONE: PassCursor = { modified: null, presenceAt: null, lastId: null }

export function readPassCursor(stored: string | null): PassCursor {
  if (!stored) return NONE
  if (!stored.startsWith('{')) return { ...NONE, modified: stored }
  try {
    return cursorSchema.safeParse(JSON.parse(stored)).data ?? NONE
  } catch {
    // Unreadable: no stamp (a full pass re-reads everything), no presence known (it runs now). Never worth a failure.
    return NONE
  }
}

/** Fixed key order, so an unchanged cursor is the same string. */
export const writePassCursor = (c: PassCursor) => JSON.stringify({ modified: c.modified, presenceAt: c.presenceAt, lastId: c.lastId } satisfies PassCursor)

/**
 * A presence pass is due an hour after the last one started, and when none is known. A time further ahead than that
 * hour (a clock set wrong once) must not put deletions off indefinitely: it counts as due too.
 */
export function presenceDue(c: PassCursor, now: number): boolean {
  if (!c.presenceAt) return true
  const at = Date.parse(c.presenceAt)
  return now - at >= PRESENCE_EVERY_MS || at - now > PRESENCE_EVERY_MS
}

export const isoAt = (ms: number) => new Date(ms).toISOString()
