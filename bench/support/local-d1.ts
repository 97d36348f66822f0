/**
 * Direct access to the SQLite file behind `wrangler dev --persist-to`'s local D1, for benchmark set-up and
 * checks only (the measured work always goes through the worker). Open it only while no worker is running on
 * it, or read-only for counts.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { ROOT } from '../../tools/dev/local-stack'

export function localD1File(persistTo: string): string {
  const dir = path.join(persistTo, 'v3/d1/miniflare-D1DatabaseObject')
  const files = readdirSync(dir).filter((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite')
  if (files.length !== 1) throw new Error(`expected one local D1 database in ${dir}, found ${files.length}`)
  return path.join(dir, files[0]!)
}

/**
 * Opens the local D1 once `wrangler dev` has let go of it: workerd outlives the `npx wrangler` process a
 * moment and holds the file locked until it exits.
 */
export async function openLocalD1(persistTo: string, options: { readOnly?: boolean } = {}): Promise<DatabaseSync> {
  const deadline = Date.now() + 30_000
  for (;;) {
    const db = new DatabaseSync(localD1File(persistTo), { readOnly: options.readOnly ?? false })
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get()
      return db
    } catch (err) {
      db.close()
      if (!/locked|busy/i.test((err as Error).message) || Date.now() > deadline) throw err
      await new Promise((r) => setTimeout(r, 250))
    }
  }
}

/** A new SQLite database (file, or ':memory:') built from our migrations, as `wrangler d1 migrations apply` does. */
export function migratedSqlite(file: string): DatabaseSync {
  const db = new DatabaseSync(file)
  const dir = path.join(ROOT, 'migrations')
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    db.exec(readFileSync(path.join(dir, name), 'utf8').replaceAll('--> statement-breakpoint', ''))
  }
  return db
}
