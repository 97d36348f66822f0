import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { createDb } from '../db/client'
import { sessions } from '../db/schema'
import { orgWithAdmin } from '../../tools/test/fixtures'
import { SESSION_TTL_MS, findSession } from './session'

describe('sessions', () => {
  it('should store only a hash of the token', async () => {
    const { token } = await orgWithAdmin()
    const rows = await createDb(env.DB).select().from(sessions)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.tokenHash).not.toContain(token.slice(4))
    const dump = JSON.stringify(await env.DB.prepare('select * from sessions').all())
    expect(dump).not.toContain(token)
  })

  it('should stop accepting a token after it expires', async () => {
    const { token } = await orgWithAdmin()
    const db = createDb(env.DB)
    expect(await findSession(db, token)).not.toBeNull()
    expect(await findSession(db, token, Date.now() + SESSION_TTL_MS + 1000)).toBeNull()
  })
})
