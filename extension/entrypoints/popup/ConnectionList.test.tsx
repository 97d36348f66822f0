import { describe, expect, it } from 'vitest'
import { aConnection, apiError, stubBackend } from '../../test-support/connection'
import { renderInto, settle, text } from '../../test-support/render'
import { signedInExtension } from '../../test-support/signed-in'
import { ConnectionList } from './ConnectionList'

describe('popup ConnectionList', () => {
  signedInExtension()

  it("should show every connection's health at a glance", async () => {
    const twoMinutesAgo = new Date(Date.now() - 120_000).toISOString()
    stubBackend(() => ({
      status: 200,
      body: {
        connections: [
          aConnection({ id: 'a', accountLabel: 'Evergreen', statusText: 'Up to date.', lastRunFinishedAt: twoMinutesAgo }),
          aConnection({ id: 'b', vendor: 'exaktime', accountLabel: 'Evergreen time', status: 'relink_needed', statusText: 'ExakTime refused the key. Reconnect to resume syncing.', lastRunFinishedAt: null }),
        ],
      },
    }))
    const root = renderInto(<ConnectionList />)
    await settle()
    const rows = [...root.querySelectorAll('[data-testid=popup-connection]')]
    expect(rows.map((r) => r.textContent)).toEqual([
      ' Aspire · EvergreenUp to date. Last sync 2 min ago.',
      ' ExakTime · Evergreen timeExakTime refused the key. Reconnect to resume syncing. Last sync never.',
    ])
    expect(rows.map((r) => r.querySelector('.dot')?.getAttribute('data-health'))).toEqual(['good', 'broken'])
  })

  it('should say when there is nothing connected yet', async () => {
    stubBackend(() => ({ status: 200, body: { connections: [] } }))
    const root = renderInto(<ConnectionList />)
    await settle()
    expect(text(root, '[data-testid=popup-no-connections]')).toContain('No connections yet')
  })

  it("should show the backend's reason when the list cannot be read", async () => {
    stubBackend(() => apiError(403, 'forbidden', 'Your role cannot do this.'))
    const root = renderInto(<ConnectionList />)
    await settle()
    expect(text(root, '[data-testid=popup-connections-error]')).toBe('Your role cannot do this.')
  })
})
