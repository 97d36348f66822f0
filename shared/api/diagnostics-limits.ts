/**
 * The limits of a selector-miss report, apart from the zod schemas in diagnostics.ts: content scripts import these
 * and must not pull zod into their bundle (#16 counts every KiB of them).
 * @module
 */
export const PAGE_PATTERN_MAX_LENGTH = 200
export const PAGE_PATTERN_MAX_SEGMENTS = 12
/** At most this many misses in one report; the extension batches what one tab saw. */
export const SELECTOR_MISS_BATCH_MAX = 20
