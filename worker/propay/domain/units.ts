/**
 * Units every figure of the bonus engine is kept in. They are plain numbers (JSON-friendly) named for what they
 * hold; every value is an integer so the arithmetic stays exact (docs/domain/propay.md §12).
 */

/** Money in integer cents. */
export type Cents = number

/** A percentage in integer basis points: 1% = 100, 100% = 10000. */
export type BasisPoints = number

/** A duration in integer seconds. */
export type Seconds = number

/** A calendar date as `YYYY-MM-DD`, read as a UTC date. */
export type IsoDate = string

/** 100% in basis points. */
export const FULL_BP = 10_000

export const SECONDS_PER_HOUR = 3_600
