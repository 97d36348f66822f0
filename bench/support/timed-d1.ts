/**
 * A fresh local D1 on disk (as `wrangler dev --persist-to` keeps one; in memory D1 would skip the disk's cost), built
 * from our migrations, with a worker that runs each batch of statements sent to it and times its own `batch()`:
 * carrying the rows from Node is not D1's cost, and workerd's clock moves at I/O, which is D1's answer.
 * @module
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { convertV4MiniflareOptions, Miniflare } from 'miniflare'
import { ROOT } from '../../tools/dev/local-stack'

export interface TimedStatement {
  sql: string
  params: unknown[]
}

export interface TimedD1 {
  db: Awaited<ReturnType<Miniflare['getD1Database']>>
  /** Milliseconds D1 took for these statements as one atomic batch. */
  timeBatch(statements: TimedStatement[]): Promise<number>
  dispose(): Promise<void>
}

const TIMED_BATCHES = `export default {
  async fetch(request, env) {
    const statements = await request.json()
    const started = Date.now()
    await env.DB.batch(statements.map((s) => env.DB.prepare(s.sql).bind(...s.params)))
    return Response.json({ ms: Date.now() - started })
  },
}`

export async function freshTimedD1(label: string): Promise<TimedD1> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `protiv-${label}-`))
  const mf = new Miniflare(convertV4MiniflareOptions({ modules: true, script: TIMED_BATCHES, d1Databases: ['DB'], d1Persist: dir, compatibilityDate: '2026-11-01' }))
  const dispose = async () => {
    await mf.dispose()
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const db = await mf.getD1Database('DB')
    for (const name of readdirSync(path.join(ROOT, 'migrations')).filter((f) => f.endsWith('.sql')).sort()) {
      const statements = readFileSync(path.join(ROOT, 'migrations', name), 'utf8').split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean)
      await db.batch(statements.map((s) => db.prepare(s)))
    }
    const timeBatch = async (statements: TimedStatement[]) => {
      const res = await mf.dispatchFetch(`http://${label}/`, { method: 'POST', body: JSON.stringify(statements) })
      if (!res.ok) throw new Error(`${label}: the batch failed: ${res.status} ${await res.text()}`)
      return ((await res.json()) as { ms: number }).ms
    }
    return { db, timeBatch, dispose }
  } catch (err) {
    await dispose()
    throw err
  }
}
