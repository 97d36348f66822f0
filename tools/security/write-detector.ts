/**
 * Detects every write the app makes to D1: the app is given a D1 binding that passes each statement through and
 * records, per table, the rows D1 reports it changed. (SQLite triggers logging into a table were tried first, but
 * D1 counts the rows a trigger writes in the statement's `meta.changes`, which the app reads for its
 * optimistic-concurrency guards: every guarded update then looked like a concurrent change.)
 * @module
 */

export interface Write {
  table: string
  op: string
  n: number
}

/** The statement's kind and target table, for INSERT / REPLACE / UPDATE / DELETE (after an optional WITH). */
export function writeTarget(sql: string): { op: string; table: string } | null {
  const match = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert|replace|update|delete)\b(?:\s+or\s+\w+)?(?:\s+into|\s+from)?\s+["`[]?(\w+)/i.exec(sql)
  return match ? { op: match[1]!.toLowerCase(), table: match[2]! } : null
}

/**
 * Tables whose writes are not reported: `login_%` — failed sign-ins are recorded there on purpose (login
 * throttling), so a refused login legitimately writes to them.
 */
const unwatched = (table: string) => /^login_/i.test(table)

class WriteLog {
  private counts = new Map<string, Write>()
  record(sql: string, rows: number) {
    const target = writeTarget(sql)
    if (!target || rows === 0 || unwatched(target.table)) return
    const key = `${target.op} ${target.table}`
    const seen = this.counts.get(key)
    if (seen) seen.n += rows
    else this.counts.set(key, { ...target, n: rows })
  }
  take(): Write[] {
    const writes = [...this.counts.values()]
    this.counts.clear()
    return writes
  }
}

const changesOf = (result: D1Result) => result.meta?.changes ?? 0

class WatchedStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    readonly sql: string,
    private readonly log: WriteLog,
  ) {}
  bind(...values: unknown[]) {
    return new WatchedStatement(this.inner.bind(...values), this.sql, this.log)
  }
  async run() {
    const result = await this.inner.run()
    this.log.record(this.sql, changesOf(result))
    return result
  }
  async all() {
    const result = await this.inner.all()
    this.log.record(this.sql, changesOf(result))
    return result
  }
  /** Through `all()`, which reports what it changed; the first row (or its column) as D1's `first` gives it. */
  async first(column?: string) {
    const row = (await this.all()).results[0] as Record<string, unknown> | undefined
    if (row === undefined) return null
    return column === undefined ? row : (row[column] ?? null)
  }
  /** `raw()` reports nothing changed: a write through it (`… RETURNING`) counts the rows it returned, at least one. */
  async raw(options?: { columnNames?: boolean }) {
    const rows = await this.inner.raw(options as { columnNames: true })
    const returned = options?.columnNames ? rows.length - 1 : rows.length
    this.log.record(this.sql, /\breturning\b/i.test(this.sql) ? returned : Math.max(returned, 1))
    return rows
  }
}

/** A D1 binding that behaves like `db` and reports every write made through it. */
export function watchWrites(db: D1Database): { db: D1Database; takeWrites: () => Write[] } {
  const log = new WriteLog()
  const watched = {
    prepare: (sql: string) => new WatchedStatement(db.prepare(sql), sql, log),
    async batch(statements: WatchedStatement[]) {
      const results = await db.batch(statements.map((s) => s.inner))
      results.forEach((result, i) => log.record(statements[i]!.sql, changesOf(result)))
      return results
    },
    async exec(sql: string) {
      const result = await db.exec(sql)
      // exec reports no per-statement changes: any write statement in it counts as one write.
      for (const statement of sql.split(';')) log.record(statement, 1)
      return result
    },
    dump: () => db.dump(),
    withSession: () => {
      throw new Error('the write detector does not cover D1 sessions; teach it before the app uses them')
    },
  }
  return { db: watched as unknown as D1Database, takeWrites: () => log.take() }
}
