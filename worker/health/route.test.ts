import { describe, expect, it } from 'vitest'
import { HealthResponse } from '../../shared/api/health'
import { call } from '../../tools/test/fixtures'

describe('GET /health', () => {
  it('should answer 200 with ok and a reachable database', async () => {
    const res = await call('/health')
    expect(res.status).toBe(200)
    const body = HealthResponse.parse(await res.json())
    expect(body).toMatchObject({ ok: true, service: 'protiv-connect', database: 'ok', lastCronAt: null })
  })
})
