import { describe, expect, it } from 'vitest'
import { aConnection, stubBackend } from '../test-support/connection'
import { signedInExtension } from '../test-support/signed-in'
import { pageSyncHandlers } from './page-sync-handlers'

describe('sync:pageAction', () => {
  signedInExtension()

  it('should hint every live connection of the vendor, follow its run to the end and only then answer', async () => {
    let polls = 0
    const requests = stubBackend((method, path) => {
      if (method === 'GET' && path === '/api/v1/connections') {
        return {
          status: 200,
          body: {
            connections: [
              aConnection({ id: 'a1', lastRunFinishedAt: '2026-12-03T10:00:00.000Z' }),
              aConnection({ id: 'paused', paused: true, status: 'paused' }),
              aConnection({ id: 'relink', status: 'relink_needed' }),
              aConnection({ id: 'bt', vendor: 'buildertrend' }),
            ],
          },
        }
      }
      if (method === 'POST') return { status: 202, body: { started: true, runsAt: null, message: 'Syncing this change now.' } }
      // The run: syncing for two polls, then finished.
      polls++
      return { status: 200, body: aConnection({ id: 'a1', status: polls < 3 ? 'syncing' : 'ok', lastRunFinishedAt: polls < 3 ? '2026-12-03T10:00:00.000Z' : '2026-12-03T10:00:09.000Z' }) }
    })
    const answer = await pageSyncHandlers({ pollMs: 1 })['sync:pageAction']({ vendor: 'aspire', action: 'work_ticket_completed', recordId: '10452' })
    expect(answer.connections).toEqual([{ id: 'a1', started: true, runsAt: null, lastRunFinishedAt: '2026-12-03T10:00:00.000Z', finished: true }])
    expect(polls).toBe(3)
    expect(requests.filter((r) => r.method === 'POST')).toMatchObject([{ path: '/api/v1/connections/a1/page-sync', body: { action: 'work_ticket_completed', recordId: '10452' } }])
  })

  it('should stop following after its time is up, saying the run had not finished', async () => {
    stubBackend((method, path) => {
      if (path === '/api/v1/connections') return { status: 200, body: { connections: [aConnection({ id: 'a1' })] } }
      if (method === 'POST') return { status: 202, body: { started: false, runsAt: '2026-12-03T10:00:15.000Z', message: 'follows in a few seconds' } }
      return { status: 200, body: aConnection({ id: 'a1', status: 'syncing' }) }
    })
    const answer = await pageSyncHandlers({ pollMs: 1, followMs: 20 })['sync:pageAction']({ vendor: 'aspire', action: 'time_changed' })
    expect(answer.connections).toMatchObject([{ id: 'a1', started: false, runsAt: '2026-12-03T10:00:15.000Z', finished: false }])
  })

  it('should ask nothing when no connection of the vendor can sync', async () => {
    const requests = stubBackend(() => ({ status: 200, body: { connections: [aConnection({ id: 'bt', vendor: 'buildertrend' })] } }))
    expect(await pageSyncHandlers({ pollMs: 1 })['sync:pageAction']({ vendor: 'exaktime', action: 'time_approved' })).toEqual({ connections: [] })
    expect(requests).toHaveLength(1)
  })
})
