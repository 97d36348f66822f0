/**
 * How often the ExakTime streams re-read what (cadence.ts), apart so the benchmark can age a cursor by the same hour
 * without importing the worker.
 * @module
 */

/** Reference lists (cost codes, employees, jobs or locations) and the whole time window: re-read once an hour. */
export const HOURLY_MS = 60 * 60_000
/** Pay rates take one request per employee and change rarely: once a day. */
export const DAILY_MS = 24 * HOURLY_MS
/** Days every cycle re-reads at the least: the nightly refresh brings yesterday's time, and this week's edits. */
export const RECENT_DAYS = 7
