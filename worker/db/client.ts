import { drizzle } from 'drizzle-orm/d1'

// No `schema` option: it only feeds drizzle's relational `db.query` API, which nothing here uses, and with it every
// `drizzle()` call walked the whole schema to build that API's config (≈ 0.3 ms of workerd CPU per call, two or three
// calls per request: the auth middleware, then the handler). The tables come in by import where a query names them.
// One instance per D1 binding object too: the middleware and the handler of a request share it.
const instances = new WeakMap<D1Database, ReturnType<typeof build>>()
const build = (d1: D1Database) => drizzle(d1)

export function createDb(d1: D1Database) {
  let db = instances.get(d1)
  if (!db) instances.set(d1, (db = build(d1)))
  return db
}
export type Db = ReturnType<typeof createDb>
