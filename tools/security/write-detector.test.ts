import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createDb } from '../../worker/db/client'
import { organizations, users } from '../../worker/db/schema'
import { runBatch } from '../../worker/propay/d1-batch'
import { watchWrites, writeTarget } from './write-detector'

describe('write detector', () => {
  it('should name the kind and table of every write statement, and nothing else', () => {
    expect(writeTarget('insert into "users" ("id") values (?)')).toEqual({ op: 'insert', table: 'users' })
    expect(writeTarget('INSERT OR IGNORE INTO sync_seen VALUES (1)')).toEqual({ op: 'insert', table: 'sync_seen' })
    expect(writeTarget('update "propays" set "status" = ?')).toEqual({ op: 'update', table: 'propays' })
    expect(writeTarget('  DELETE FROM sessions WHERE id = ?1')).toEqual({ op: 'delete', table: 'sessions' })
    expect(writeTarget('WITH x AS (SELECT 1) UPDATE connections SET paused = 1')).toEqual({ op: 'update', table: 'connections' })
    expect(writeTarget('select * from "users"')).toBeNull()
  })

  it('should report the rows each write changed through run, returning, first and batches, and no reads', async () => {
    const watched = watchWrites(env.DB)
    const db = createDb(watched.db)
    await db.insert(organizations).values({ id: 'o1', name: 'Org', timeZone: 'UTC', createdAt: '2026-01-01' })
    const [inserted] = await db
      .insert(organizations)
      .values({ id: 'o2', name: 'Org 2', timeZone: 'UTC', createdAt: '2026-01-01' })
      .onConflictDoNothing()
      .returning({ id: organizations.id })
    expect(inserted).toEqual({ id: 'o2' })
    await db.select().from(organizations)
    await db.update(users).set({ name: 'nobody' }).where(eq(users.id, 'missing'))
    await watched.db.prepare("UPDATE organizations SET name = 'x' WHERE id = ?1 RETURNING id").bind('o1').first()
    await runBatch(db, [db.update(organizations).set({ timeZone: 'America/Chicago' }), db.delete(organizations).where(eq(organizations.id, 'o2'))])
    expect(watched.takeWrites()).toEqual([
      { op: 'insert', table: 'organizations', n: 2 },
      { op: 'update', table: 'organizations', n: 3 },
      { op: 'delete', table: 'organizations', n: 1 },
    ])
    expect(watched.takeWrites()).toEqual([])
  })

  it('should leave the app’s change counts as D1 gives them', async () => {
    const watched = watchWrites(env.DB)
    await env.DB.prepare("INSERT INTO organizations (id, name, time_zone, created_at) VALUES ('o1', 'Org', 'UTC', '2026-01-01')").run()
    const result = await watched.db.prepare("UPDATE organizations SET name = 'y' WHERE id = 'o1'").run()
    expect(result.meta.changes).toBe(1)
  })

  it('should not report sign-in attempts recorded in login_ tables', async () => {
    const watched = watchWrites(env.DB)
    await env.DB.exec('CREATE TABLE login_attempts (email TEXT)')
    await watched.db.prepare("INSERT INTO login_attempts VALUES ('a@b.test')").run()
    expect(watched.takeWrites()).toEqual([])
  })
})
