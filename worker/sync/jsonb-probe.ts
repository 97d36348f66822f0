/**
 * Whether this D1 reads JSONB (rows-reader.ts), asked once per isolate.
 * @module
 */
import type { RowsReader } from './rows-reader'

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
