import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { dyingD1, isIsolateDeath } from './dying-d1'

const count = async () => (await env.DB.prepare('SELECT count(*) AS n FROM heartbeats').first<{ n: number }>())!.n
const insert = (db: D1Database, name: string) => db.prepare("INSERT INTO heartbeats (name, at) VALUES (?1, '2026-01-01')").bind(name)

describe('a D1 binding that dies', () => {
  it('should fail at the chosen call without running it, and fail every call after', async () => {
    const dying = dyingD1(env.DB, { atCall: 2, when: 'before' })
    await insert(dying.db, 'a').run()
    const second = await insert(dying.db, 'b').run().catch((e: unknown) => e)
    expect(isIsolateDeath(second)).toBe(true)
    expect(isIsolateDeath(await dying.db.batch([insert(dying.db, 'c')]).catch((e: unknown) => e))).toBe(true)
    expect(await count()).toBe(1)
    expect(dying.died).toBe(true)
  })

  it('should commit the chosen call and lose its answer when it dies after', async () => {
    const dying = dyingD1(env.DB, { atCall: 1, when: 'after' })
    const result = await dying.db.batch([insert(dying.db, 'a'), insert(dying.db, 'b')]).catch((e: unknown) => e)
    expect(isIsolateDeath(result)).toBe(true)
    expect(await count()).toBe(2)
  })

  it('should see the death through a wrapping error', () => {
    const dying = dyingD1(env.DB, { atCall: 1, when: 'before' })
    return dying.db
      .prepare('SELECT 1')
      .first()
      .catch((err: unknown) => expect(isIsolateDeath(new Error('Failed query', { cause: err }))).toBe(true))
  })
})
