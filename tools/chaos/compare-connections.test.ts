import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { compareConnections } from './compare-connections'

const insert = (connectionId: string, externalId: string, name: string, hash: string, deletedAt: string | null = null) =>
  env.DB.prepare(
    `INSERT INTO workers (id, org_id, connection_id, external_id, data_hash, first_seen_at, updated_at, deleted_at, name)
     VALUES (?1, 'org', ?2, ?3, ?4, '2026-01-01', '2026-01-01', ?5, ?6)`,
  )
    .bind(crypto.randomUUID(), connectionId, externalId, hash, deletedAt, name)
    .run()

describe('the chaos oracle', () => {
  it('should report rows lost, held extra, and held with other content than a clean sync', async () => {
    await insert('clean', '1', 'Ana', 'h1')
    await insert('clean', '2', 'Ben', 'h2')
    await insert('clean', '3', 'Cy', 'h3')
    await insert('chaos', '1', 'Ana', 'h1')
    await insert('chaos', '2', 'Benjamin', 'h2-other')
    await insert('chaos', '3', 'Cy', 'h3', '2026-01-02')
    await insert('chaos', '4', 'Dee', 'h4')
    expect(await compareConnections(env.DB, 'chaos', 'clean')).toEqual([
      { table: 'workers', kind: 'wrong', externalId: '2', detail: 'name: "Benjamin" ≠ "Ben"' },
      { table: 'workers', kind: 'extra', externalId: '4' },
      { table: 'workers', kind: 'lost', externalId: '3' },
    ])
  })

  it('should allow rows of learned tables to outlive what named them, but not to be lost', async () => {
    await insert('clean', '1', 'Ana', 'h1')
    await insert('chaos', '9', 'Old hand', 'h9')
    expect(await compareConnections(env.DB, 'chaos', 'clean', ['workers'])).toEqual([{ table: 'workers', kind: 'lost', externalId: '1' }])
  })

  it('should find nothing when both hold the same', async () => {
    await insert('clean', '1', 'Ana', 'h1')
    await insert('chaos', '1', 'Ana', 'h1')
    expect(await compareConnections(env.DB, 'chaos', 'clean')).toEqual([])
  })
})
