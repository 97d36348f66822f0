/**
 * The ordered log of requests a sandbox tenant received, for tests and benchmarks that count calls. Bounded
 * so a long `npm start` session cannot grow it without limit; `total` keeps counting past the bound. Each
 * sandbox adds its own fields (`Extra`: e.g. the Aspire fault that shaped an answer).
 * @module
 */

export type LoggedRequest<Extra extends object = object> = {
  seq: number
  /** UTC instant on the tenant clock. */
  at: string
  method: string
  /** Path and query string exactly as received. */
  path: string
  status: number
} & Extra

export const REQUEST_LOG_LIMIT = 50_000

export class RequestLog<Extra extends object = object> {
  private entries: Array<LoggedRequest<Extra>> = []
  total = 0

  constructor(private readonly limit = REQUEST_LOG_LIMIT) {}

  add(entry: Omit<LoggedRequest<Extra>, 'seq'>): LoggedRequest<Extra> {
    this.total++
    const logged = { seq: this.total, ...entry } as LoggedRequest<Extra>
    this.entries.push(logged)
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit)
    return logged
  }

  /** Entries with `seq` greater than `after`. */
  since(after = 0): Array<LoggedRequest<Extra>> {
    return this.entries.filter((entry) => entry.seq > after)
  }

  clear(): void {
    this.entries = []
    this.total = 0
  }
}
