import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { listenForMessages } from '../../background/router'
import { sessionItem } from '../../storage/items'
import { apiError, stubBackend, type FakeAnswer } from '../../test-support/connection'
import { renderInto, settle, submit, text, type, unmountAll } from '../../test-support/render'
import { extensionPage, messagesFrom } from '../../test-support/sender'
import { OptionsApp } from './OptionsApp'

async function signInWith(login: FakeAnswer) {
  const requests = stubBackend((_method, path) => (path === '/api/v1/auth/login' ? login : apiError(404, 'not_found', 'not here')))
  const root = renderInto(<OptionsApp />)
  await settle()
  await type(root.querySelector('#email'), 'ann@acme.test')
  await type(root.querySelector('#password'), 'a wrong guess')
  await submit(root.querySelector('[data-testid=sign-in]'))
  return { root, requests }
}

describe('OptionsApp sign-in', () => {
  beforeEach(() => {
    fakeBrowser.reset()
    messagesFrom(extensionPage())
    listenForMessages()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    unmountAll()
  })

  it("should show the server's throttling message as given, and stay signed out", async () => {
    const message = 'Too many sign-in attempts. Try again in 15 minutes.'
    const { root, requests } = await signInWith(apiError(429, 'rate_limited', message, { 'Retry-After': '900' }))
    expect(requests.filter((r) => r.path === '/api/v1/auth/login')).toHaveLength(1)
    expect(text(root, '[role=alert]')).toBe(message)
    expect(await sessionItem.getValue()).toBeNull()
    expect(root.querySelector('[data-testid=sign-in]')).not.toBeNull()
  })

  it('should show a refused password the same way', async () => {
    const { root } = await signInWith(apiError(401, 'unauthorized', 'The email or password is incorrect.'))
    expect(text(root, '[role=alert]')).toBe('The email or password is incorrect.')
  })
})
