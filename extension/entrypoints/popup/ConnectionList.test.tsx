import { describe, expect, it, vi } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import type { ConnectionView } from '../../../shared/api/connections'
import { BROWSER_SESSION_ENDED } from '../../../shared/vendor-contracts/buildertrend/session-ended'
import { aConnection, apiError, stubBackend } from '../../test-support/connection'
import { click, renderInto, settle, submit, text, type } from '../../test-support/render'
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

  describe('Reconnect', () => {
    const refused = (id: string, vendor: ConnectionView['vendor']) =>
      aConnection({ id, vendor, status: 'relink_needed', statusText: 'The vendor refused the stored credentials. Reconnect to resume syncing.', lastError: { code: 'bad_credentials', message: 'Refused.' } })
    const list = [
      refused('asp', 'aspire'),
      refused('exa', 'exaktime'),
      refused('btp', 'buildertrend'),
      aConnection({ id: 'bts', vendor: 'buildertrend', credentialKind: 'browser_session', accountLabel: 'Acme BT', status: 'relink_needed', statusText: BROWSER_SESSION_ENDED, lastError: { code: 'session_expired', message: BROWSER_SESSION_ENDED } }),
      aConnection({ id: 'fine', vendor: 'aspire', accountLabel: 'Healthy' }),
    ]
    const syncingAgain = (id: string, vendor: ConnectionView['vendor']) => aConnection({ id, vendor, status: 'syncing', statusText: 'Syncing now.' })

    async function renderList(canReconnect: boolean) {
      const requests = stubBackend((method, path) => {
        if (method === 'PATCH') {
          const id = path.split('/').at(-1)!
          return { status: 200, body: syncingAgain(id, list.find((c) => c.id === id)!.vendor) }
        }
        return { status: 200, body: { connections: list } }
      })
      const root = renderInto(<ConnectionList canPause={canReconnect} canReconnect={canReconnect} />)
      await settle()
      const row = (i: number) => root.querySelectorAll('[data-testid=popup-connection]')[i]!
      return { root, requests, row }
    }

    it("should open each vendor's Reconnect form inline for an admin and show the row syncing once the API accepts", async () => {
      const { requests, row } = await renderList(true)
      const fill = async (i: number, formTestId: string, fields: Record<string, string>) => {
        expect(row(i).querySelector(`[data-testid=${formTestId}]`)).toBeNull()
        await click(row(i).querySelector('[data-testid=reconnect]'))
        const form = row(i).querySelector(`[data-testid=${formTestId}]`)
        expect(form).not.toBeNull()
        for (const [id, value] of Object.entries(fields)) await type(form!.querySelector(`#${id}`), value)
        await submit(form)
        expect(row(i).getAttribute('data-status')).toBe('syncing')
        expect(row(i).querySelector('[data-testid=reconnect]')).toBeNull()
      }
      await fill(0, 'aspire-reconnect', { 'aspire-client-id': 'new-id', 'aspire-secret': 'new-secret' })
      await fill(1, 'exaktime-reconnect', { 'exaktime-reconnect-company-id': 'acme', 'exaktime-reconnect-api-key': 'new-key' })
      await fill(2, 'buildertrend-reconnect', { 'bt-reconnect-username': 'ann@acme.test', 'bt-reconnect-password': 'n3w-pass' })
      expect(requests.filter((r) => r.method === 'PATCH').map((r) => [r.path, r.body])).toEqual([
        ['/api/v1/connections/asp', { credentials: { clientId: 'new-id', secret: 'new-secret' } }],
        ['/api/v1/connections/exa', { credentials: { companyId: 'acme', apiKey: 'new-key' } }],
        ['/api/v1/connections/btp', { credentials: { kind: 'password', username: 'ann@acme.test', password: 'n3w-pass' } }],
      ])
      // A healthy connection has nothing to reconnect.
      expect(row(4).querySelector('[data-testid=reconnect]')).toBeNull()
    })

    it("should open buildertrend.net in a new tab, saying why, for an ended Buildertrend browser session", async () => {
      const create = vi.spyOn(fakeBrowser.tabs, 'create')
      const { row, requests } = await renderList(true)
      expect(row(3).querySelector('[data-testid=reconnect]')).toBeNull()
      expect(text(row(3), '[data-testid=relink-in-tab] .hint')).toContain('Sign in at buildertrend.net in this browser')
      await click(row(3).querySelector('[data-testid=open-vendor-site]'))
      expect(create).toHaveBeenCalledWith({ url: 'https://buildertrend.net/' })
      expect(requests.filter((r) => r.method === 'PATCH')).toEqual([])
    })

    it('should offer no Reconnect to someone who is not an admin', async () => {
      const { root } = await renderList(false)
      expect(root.querySelectorAll('[data-testid=popup-connection]')).toHaveLength(5)
      expect(root.querySelector('[data-testid=reconnect]')).toBeNull()
      expect(root.querySelector('[data-testid=open-vendor-site]')).toBeNull()
      expect(root.querySelector('[data-testid=pause-resume]')).toBeNull()
    })
  })
})
