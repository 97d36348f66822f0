import { describe, expect, it, vi } from 'vitest'
import type { ConnectionView } from '../../../shared/api/connections'
import { aConnection, apiError, stubBackend, type FakeAnswer } from '../../test-support/connection'
import { renderInto, settle, submit, text, type } from '../../test-support/render'
import { panelFrameIn } from '../../test-support/sender'
import { signedInExtension } from '../../test-support/signed-in'
import { BROWSER_SESSION_ENDED } from '../../../shared/vendor-contracts/buildertrend/session-ended'
import { BuildertrendReconnect } from './buildertrend-reconnect'
import { buildertrendRelinkInTab } from './relink-in-tab'

const field = (root: HTMLElement, id: string) => root.querySelector<HTMLInputElement>(`#${id}`)

async function renderForm(answer: FakeAnswer) {
  const requests = stubBackend(() => answer)
  const onReconnected = vi.fn()
  const root = renderInto(<BuildertrendReconnect connectionId="conn_bt" page={null} onReconnected={onReconnected} />)
  await settle()
  return { root, requests, onReconnected }
}

describe('BuildertrendReconnect', () => {
  signedInExtension(() => panelFrameIn('https://buildertrend.net/app/TimeClock'))

  it('should replace the username and password of the same connection, trimmed, then forget the password', async () => {
    const fixed = aConnection({ id: 'conn_bt', vendor: 'buildertrend', status: 'syncing' })
    const { root, requests, onReconnected } = await renderForm({ status: 200, body: fixed })
    expect(field(root, 'bt-reconnect-password')!.type).toBe('password')
    await type(field(root, 'bt-reconnect-username'), ' ann@acme.test ')
    await type(field(root, 'bt-reconnect-password'), ' n3w-pass ')
    await submit(root.querySelector('form'))
    expect(requests).toEqual([
      expect.objectContaining({ method: 'PATCH', path: '/api/v1/connections/conn_bt', body: { credentials: { kind: 'password', username: 'ann@acme.test', password: 'n3w-pass' } } }),
    ])
    expect(onReconnected).toHaveBeenCalledWith(fixed)
    expect(field(root, 'bt-reconnect-password')!.value).toBe('')
  })

  it("should show Buildertrend's refusal as the backend gives it and keep what was typed", async () => {
    const message = 'Buildertrend did not accept this username and password. Check them by signing in at buildertrend.net, then reconnect with the same ones.'
    const { root, onReconnected } = await renderForm(apiError(422, 'unprocessable', message))
    await type(field(root, 'bt-reconnect-username'), 'ann@acme.test')
    await type(field(root, 'bt-reconnect-password'), 'wrong')
    await submit(root.querySelector('form'))
    expect(text(root, '[data-testid=reconnect-error]')).toBe(message)
    expect(onReconnected).not.toHaveBeenCalled()
    expect(field(root, 'bt-reconnect-password')!.value).toBe('wrong')
  })
})

describe('buildertrendRelinkInTab', () => {
  const relink = (credentialKind: ConnectionView['credentialKind'], code: string, message: string) =>
    aConnection({ vendor: 'buildertrend', credentialKind, status: 'relink_needed', lastError: { code, message } })

  it('should send a browser session connection to buildertrend.net, whatever words its error has', () => {
    expect(buildertrendRelinkInTab(relink('browser_session', 'session_expired', BROWSER_SESSION_ENDED))).toMatchObject({ url: 'https://buildertrend.net/', siteName: 'buildertrend.net' })
    // Only the signed-in tab holds a session to replace it with, also when Buildertrend ended it for another reason.
    expect(buildertrendRelinkInTab(relink('browser_session', 'needs_human', 'Buildertrend asked for a captcha or a verification code.'))).toMatchObject({ siteName: 'buildertrend.net' })
  })

  it('should leave password connections to the form, even when Buildertrend ended their session', () => {
    expect(buildertrendRelinkInTab(relink('password', 'bad_credentials', 'Buildertrend did not accept this username and password.'))).toBeNull()
    expect(buildertrendRelinkInTab(relink('password', 'session_expired', 'Buildertrend signed us in but ended the session straight away.'))).toBeNull()
    // The kind decides, not the sentence.
    expect(buildertrendRelinkInTab(relink('password', 'session_expired', BROWSER_SESSION_ENDED))).toBeNull()
  })

  it('should leave a connection whose credentials the API could not read to the password form, which replaces them', () => {
    expect(buildertrendRelinkInTab(relink(null, 'session_expired', BROWSER_SESSION_ENDED))).toBeNull()
  })
})
