/**
 * How an upsert reads its rows out of the one JSON parameter. SQLite's JSONB (3.45, 2024) reads a 1,000-row
 * parameter ~28 % faster than the JSON text functions: `jsonb_each(jsonb(?))` parses the text once into the binary
 * form that each column's `->>` then walks (measured in workerd's D1: bench/d1-write-paths.bench.ts, bench/README.md
 * "Writing rows"). D1's documentation (Query JSON) shows the JSON functions and does not mention JSONB, so
 * that D1 has them is an assumption: it is asked once per isolate, and a D1 without them gets the text form —
 * slower, never wrong (the asking: jsonb-probe.ts).
 * @module
 */

export type RowsReader = 'jsonb' | 'text'

/** The row source of a `SELECT … FROM <source>` reading the JSON array bound at `?n`. */
export const rowsFrom = (reader: RowsReader, n: number) => (reader === 'jsonb' ? `jsonb_each(jsonb(?${n}))` : `json_each(?${n})`)
