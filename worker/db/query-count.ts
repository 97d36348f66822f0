/**
 * Counts the statements a piece of work sends to D1, which allows 1,000 per Worker invocation (each statement of a
 * batch counts): work that goes on in rounds checks the count before starting another.
 * @module
 */
export interface CountedD1 {
  d1: D1Database
  /** Statements prepared so far (every query is prepared once, batched or not). */
  readonly queries: number
}

export function countQueries(d1: D1Database): CountedD1 {
  const counter = { queries: 0 }
  const counted = new Proxy(d1, {
    get(target, name) {
      if (name === 'prepare') {
        return (sql: string) => {
          counter.queries++
          return target.prepare(sql)
        }
      }
      const value = Reflect.get(target, name)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return {
    d1: counted,
    get queries() {
      return counter.queries
    },
  }
}
