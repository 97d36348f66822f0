/**
 * The ordered log of requests a tenant received, for tests and benchmarks that count calls. Bounded so a
 * long `npm start` session cannot grow it without limit; `total` keeps counting past the bound.
 * @module
 */

export interface LoggedRequest {
  seq: number
  /** UTC instant on the tenant clock. */
  at: string
  method: string
  /** Path and query string exactly as received. */
  path: string
  status: number
  /** The fault that shaped the answer, if any. */
  fault?: string
}

export const REQUEST_LOG_LIMIT = 50_000

export class RequestLog {
  private entries: LoggedRequest[] = []
  total = 0

  add(entry: Omit<LoggedRequest, 'seq'>): LoggedRequest {
    this.total++
    const logged = { seq: this.total, ...entry }
    this.entries.push(logged)
    if (this.entries.length > REQUEST_LOG_LIMIT) this.entries.splice(0, this.entries.length - REQUEST_LOG_LIMIT)
    return logged
  }

  /** Entries with `seq` greater than `after`. */
  since(after = 0): LoggedRequest[] {
    return this.entries.filter((entry) => entry.seq > after)
  }

  clear(): void {
    this.entries = []
    this.total = 0
  }
}
