import { describe, expect, it } from 'vitest'
import { countingD1, countingQueue, emptyUsage } from './counting-bindings'

/** A stand-in D1 that records what reached it: the proxies must hand it its own statements. */
function fakeD1() {
  const ran: string[] = []
  const created = new WeakSet<object>()
  const statement = (sql: string, values: unknown[] = []) => {
    const s = {
      sql,
      bind: (...more: unknown[]) => statement(sql, more),
      all: async () => (ran.push(`all ${sql} ${values.join(',')}`), { results: [] }),
      run: async () => (ran.push(`run ${sql}`), { meta: {} }),
      first: async () => (ran.push(`first ${sql}`), null),
    }
    created.add(s)
    return s
  }
  const db = {
    prepare: (sql: string) => statement(sql),
    batch: async (statements: Array<{ sql: string }>) => statements.map((s) => (ran.push(`batch ${s.sql} real=${created.has(s)}`), {})),
    exec: async (sql: string) => (ran.push(`exec ${sql}`), { count: 1, duration: 0 }),
  }
  return { db: db as unknown as D1Database, ran }
}

describe('counting bindings', () => {
  it('should count single statements, batches and exec, passing each through unchanged', async () => {
    const { db, ran } = fakeD1()
    const usage = emptyUsage()
    const counted = countingD1(db, usage)
    await counted.prepare('SELECT ?1').bind(7).all()
    await counted.prepare('UPDATE x').run()
    await counted.batch([counted.prepare('A').bind(1), counted.prepare('B')])
    await counted.exec('PRAGMA x')
    expect(ran).toEqual(['all SELECT ?1 7', 'run UPDATE x', 'batch A real=true', 'batch B real=true', 'exec PRAGMA x'])
    expect(usage).toMatchObject({ d1Statements: 2, d1Batches: 1, d1BatchedStatements: 2, d1Exec: 1 })
  })

  it('should count queue calls and messages by kind', async () => {
    const got: unknown[] = []
    const queue = { send: async (body: unknown) => void got.push(body), sendBatch: async (batch: Array<{ body: unknown }>) => void got.push(...batch.map((m) => m.body)) }
    const usage = emptyUsage()
    const counted = countingQueue(queue as unknown as Queue<{ kind: string }>, usage)
    await counted.send({ kind: 'heartbeat' })
    await counted.sendBatch([{ body: { kind: 'sync' } }, { body: { kind: 'sync' } }])
    expect(got).toHaveLength(3)
    expect(usage).toMatchObject({ queueSends: 1, queueSendBatches: 1, messages: 3, messagesByKind: { heartbeat: 1, sync: 2 } })
  })
})
