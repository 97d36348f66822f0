import { describe, expect, it } from 'vitest'
import { aConnection, authAs, apiError, stubBackend } from '../../test-support/connection'
import { renderInto, settle, submit, text, type } from '../../test-support/render'
import { panelFrameIn } from '../../test-support/sender'
import { signedInExtension } from '../../test-support/signed-in'
import { VendorConnection } from '../../ui/panel/features/vendor-connection'

describe('the Aspire section of the panel', () => {
  // Sent as the vendor's content script does: the background answers it only what its panel needs.
  signedInExtension(() => panelFrameIn('https://cloud.youraspire.com/app/work-tickets'))

  it('should offer an admin the connect form when Aspire is not connected, then follow the first sync', async () => {
    const created = aConnection({ status: 'syncing', statusText: 'First sync in progress: 0% done.', firstSync: true, percent: 0 })
    stubBackend((method) => (method === 'POST' ? { status: 201, body: created } : { status: 200, body: { connections: [aConnection({ vendor: 'exaktime' })] } }))
    const root = renderInto(<VendorConnection auth={authAs('admin')} vendor="aspire" />)
    await settle()
    expect(root.querySelector('[data-testid=aspire-connect]')).not.toBeNull()
    await type(root.querySelector('#aspire-client-id'), 'id')
    await type(root.querySelector('#aspire-secret'), 'secret')
    await submit(root.querySelector('form'))
    expect(root.querySelector('[data-testid=aspire-connect]')).toBeNull()
    expect(text(root, '[data-testid=connect-success]')).toContain('The first sync started right away')
    expect(text(root, '[data-testid=status-text]')).toBe('First sync in progress: 0% done.')
  })

  it('should show the status of an existing Aspire connection', async () => {
    stubBackend(() => ({ status: 200, body: { connections: [aConnection({ statusText: 'Up to date.' })] } }))
    const root = renderInto(<VendorConnection auth={authAs('manager')} vendor="aspire" />)
    await settle()
    expect(text(root, '[data-testid=status-text]')).toBe('Up to date.')
    expect(root.querySelector('[data-testid=force-sync]')).not.toBeNull()
  })

  it('should offer an admin Reconnect when Aspire refused the stored credentials', async () => {
    const broken = aConnection({ status: 'relink_needed', lastError: { code: 'auth', message: 'Aspire refused the stored credentials.' } })
    stubBackend((method) => (method === 'PATCH' ? { status: 200, body: aConnection({ status: 'pending' }) } : { status: 200, body: { connections: [broken] } }))
    const root = renderInto(<VendorConnection auth={authAs('admin')} vendor="aspire" />)
    await settle()
    root.querySelector<HTMLButtonElement>('[data-testid=reconnect]')!.click()
    await settle()
    await type(root.querySelector('[data-testid=aspire-reconnect] #aspire-client-id'), 'new-id')
    await type(root.querySelector('[data-testid=aspire-reconnect] #aspire-secret'), 'new-secret')
    await submit(root.querySelector('[data-testid=aspire-reconnect]'))
    expect(root.querySelector('[data-testid=sync-status]')?.getAttribute('data-status')).toBe('pending')
    expect(root.querySelector('[data-testid=aspire-reconnect]')).toBeNull()
  })

  it('should tell a manager to ask an admin when Aspire is not connected', async () => {
    stubBackend(() => ({ status: 200, body: { connections: [] } }))
    const root = renderInto(<VendorConnection auth={authAs('manager')} vendor="aspire" />)
    await settle()
    expect(root.querySelector('[data-testid=aspire-connect]')).toBeNull()
    expect(text(root, '[data-testid=not-connected]')).toContain('An admin of Acme Landscaping can connect it')
  })

  it('should not ask the API for roles that may not see connections', async () => {
    const requests = stubBackend(() => apiError(403, 'forbidden', 'no'))
    const root = renderInto(<VendorConnection auth={authAs('crew_lead')} vendor="aspire" />)
    await settle()
    expect(requests).toHaveLength(0)
    expect(text(root, '[data-testid=connection-hidden]')).toBe('Aspire sync status is shown to admins and managers.')
  })

  it('should show why the connections could not be loaded, and try again', async () => {
    let up = false
    stubBackend(() => (up ? { status: 200, body: { connections: [aConnection()] } } : apiError(500, 'internal', 'Something went wrong on our side.')))
    const root = renderInto(<VendorConnection auth={authAs('admin')} vendor="aspire" />)
    await settle()
    expect(text(root, '[data-testid=connections-error]')).toContain('Something went wrong on our side.')
    up = true
    root.querySelector<HTMLButtonElement>('[data-testid=connections-error] button')!.click()
    await settle()
    expect(root.querySelector('[data-testid=sync-status]')).not.toBeNull()
  })
})
