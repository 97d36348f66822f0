import { describe, expect, it } from 'vitest'
import { aConnection, signIn, stubBackend } from '../../test-support/connection'
import { renderInto, settle } from '../../test-support/render'
import { signedInExtension } from '../../test-support/signed-in'
import { PopupApp } from './PopupApp'

// Everything but the connection list answers "not found": the popup shows what it can.
const needsRelink = aConnection({ id: 'asp', status: 'relink_needed', statusText: 'Aspire refused the stored Secret.', lastError: { code: 'bad_credentials', message: 'Refused.' } })
const backend = () => stubBackend((_method, path) => (path === '/api/v1/connections' ? { status: 200, body: { connections: [needsRelink] } } : { status: 404, body: { error: { code: 'not_found', message: 'No.' } } }))

describe('PopupApp', () => {
  signedInExtension()

  it('should offer Reconnect (and Pause) to an admin', async () => {
    backend()
    const root = renderInto(<PopupApp />)
    await settle(10)
    expect(root.querySelector('[data-testid=popup-connection] [data-testid=reconnect]')).not.toBeNull()
    expect(root.querySelector('[data-testid=popup-connection] [data-testid=pause-resume]')).not.toBeNull()
  })

  it('should show a manager the connection that needs relinking, with no Reconnect', async () => {
    await signIn('manager')
    backend()
    const root = renderInto(<PopupApp />)
    await settle(10)
    expect(root.querySelector('[data-testid=popup-connection]')?.getAttribute('data-status')).toBe('relink_needed')
    expect(root.querySelector('[data-testid=reconnect]')).toBeNull()
    expect(root.querySelector('[data-testid=pause-resume]')).toBeNull()
  })
})
