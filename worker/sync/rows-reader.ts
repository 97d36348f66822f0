/**
 * How an upsert reads its rows out of the one JSON parameter. SQLite's JSONB (3.45, 2024) reads a 1,000-row
 * parameter ~28 % faster than the JSON text functions (`jsonb_each(jsonb(?))`: the text is parsed once into the
 * binary form and each `->>` walks it, instead of each row's text being re-read per column; measured in workerd's
 * D1, bench/README.md "Writing rows"). D1's documentation lists the JSON functions but not their JSONB twins, so
 * that D1 has them is an assumption: it is asked once per isolate, and a D1 without them gets the text form —
 * slower, never wrong.
 * @module
 */

export type RowsReader = 'jsonb' | 'text'

/** The row source of a `SELECT … FROM <source>` reading the JSON array bound at `?n`. */
export const rowsFrom = (reader: RowsReader, n: number) => (reader === 'jsonb' ? `jsonb_each(jsonb(?${n}))` : `json_each(?${n})`)

/** What an older SQLite answers for JSONB: `jsonb_each` is a table-valued function, `jsonb` a scalar one. */
const MISSING_JSONB = /no such (table|function): jsonb/i

/** Asks this D1 whether it reads JSONB; any other failure (D1 down, overloaded) is thrown, not taken as an answer. */
export async function probeRowsReader(d1: D1Database): Promise<RowsReader> {
  try {
    const row = await d1.prepare('SELECT count(*) AS n FROM jsonb_each(jsonb(?1))').bind('[1,2]').first<{ n: number }>()
    return row?.n === 2 ? 'jsonb' : 'text'
  } catch (err) {
    if (MISSING_JSONB.test(String((err as Error)?.message ?? err))) return 'text'
    throw err
  }
}

// One answer per isolate: the SQLite under D1 does not change while an isolate lives.
let known: RowsReader | undefined

export async function rowsReader(d1: D1Database): Promise<RowsReader> {
  return (known ??= await probeRowsReader(d1))
}
