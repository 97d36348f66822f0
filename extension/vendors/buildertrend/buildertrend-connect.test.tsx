import { describe, expect, it, vi } from 'vitest'
import { aConnection, apiError, stubBackend, type FakeAnswer } from '../../test-support/connection'
import { renderInto, settle, submit, text, type } from '../../test-support/render'
import { panelFrameIn } from '../../test-support/sender'
import { signedInExtension } from '../../test-support/signed-in'
import { firstDayOfYear } from '../../ui/first-day-of-year'
import { BuildertrendConnect } from './buildertrend-connect'
import { BuildertrendSessionConnect } from './session-connect'

const input = (root: HTMLElement, id: string) => root.querySelector<HTMLInputElement>(`#${id}`)

async function fill(root: HTMLElement) {
  await type(input(root, 'bt-username'), '  demo@buildertrend.test\t')
  await type(input(root, 'bt-password'), ' demo-password  ')
}

describe('BuildertrendConnect', () => {
  // Sent as the vendor's content script does: the background answers it only what its panel needs.
  signedInExtension(() => panelFrameIn('https://buildertrend.net/app/TimeClock'))

  it('should say that stray spaces are the most common failure, and default the start date to January 1st', () => {
    stubBackend(() => ({ status: 201, body: aConnection() }))
    const root = renderInto(<BuildertrendConnect onConnected={() => {}} />)
    expect(text(root, '[data-testid=bt-spaces-hint]')).toContain('most common reason connecting fails')
    expect(input(root, 'bt-sync-start')!.value).toBe(firstDayOfYear())
    expect(root.querySelector('[data-testid=bt-signing-in]')).toBeNull()
  })

  it('should offer no Buildertrend address in a production build, with the password or the session, and send none', async () => {
    vi.stubEnv('MODE', 'production')
    const requests = stubBackend(() => ({ status: 201, body: aConnection({ vendor: 'buildertrend' }) }))
    const root = renderInto(<BuildertrendConnect onConnected={() => {}} />)
    expect(input(root, 'bt-api-address')).toBeNull()
    await fill(root)
    await submit(root.querySelector('form'))
    await vi.waitFor(() => expect(requests).toHaveLength(1))
    expect(requests[0]!.body).not.toHaveProperty('settings.baseUrl')
    const session = renderInto(<BuildertrendSessionConnect onConnected={() => {}} />)
    expect(input(session, 'bt-session-api-address')).toBeNull()
    expect(session.querySelector('details.advanced')).toBeNull()
  })

  it('should send the trimmed username and password, and show the 15–30 s wait with a spinner meanwhile', async () => {
    let answer!: (reply: Response) => void
    const requests: unknown[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => {
        requests.push(JSON.parse(String(init.body)))
        return new Promise<Response>((resolve) => (answer = resolve))
      }),
    )
    const created = aConnection({ vendor: 'buildertrend', status: 'syncing', firstSync: true })
    const onConnected = vi.fn()
    const root = renderInto(<BuildertrendConnect onConnected={onConnected} />)
    await fill(root)
    await type(input(root, 'bt-api-address'), ' http://127.0.0.1:8802 ')
    await submit(root.querySelector('form'))
    await vi.waitFor(() => expect(requests).toHaveLength(1))
    expect(requests[0]).toEqual({
      vendor: 'buildertrend',
      credentials: { username: 'demo@buildertrend.test', password: 'demo-password' },
      settings: { syncStartDate: firstDayOfYear(), baseUrl: 'http://127.0.0.1:8802' },
    })
    expect(text(root, '[data-testid=bt-signing-in]')).toContain('15–30 seconds')
    expect(root.querySelector('[data-testid=bt-signing-in] .spinner')).not.toBeNull()
    expect(root.querySelector<HTMLButtonElement>('[data-testid=buildertrend-connect-submit]')!.disabled).toBe(true)
    expect(input(root, 'bt-username')!.disabled).toBe(true)

    answer(new Response(JSON.stringify(created), { status: 201, headers: { 'content-type': 'application/json' } }))
    await vi.waitFor(() => expect(onConnected).toHaveBeenCalledWith(created))
    await settle()
    expect(root.querySelector('[data-testid=bt-signing-in]')).toBeNull()
  })

  for (const [what, status, code, message] of [
    ['a wrong password', 422, 'unprocessable', 'Buildertrend did not accept this username and password. Check them by signing in at buildertrend.net (the username is often an email address), then reconnect with the same ones.'],
    ['a captcha or MFA wall', 422, 'unprocessable', 'Buildertrend asked for a captcha or a verification code, which an automatic sign-in cannot answer. Sign in to Buildertrend in Chrome with this account and complete the check there, then reconnect here. We will not keep retrying.'],
    ['a locked account', 422, 'unprocessable', 'Buildertrend has locked this account, usually after too many sign-in attempts. Unlock it with the link Buildertrend emailed (or ask another Buildertrend admin), then reconnect.'],
    ['Buildertrend unreachable', 503, 'vendor_unavailable', 'Buildertrend could not be reached to check these credentials (timeout). Try again in a few minutes.'],
    ['a bad setting', 400, 'bad_request', 'The settings are not valid: settings.syncStartDate: syncStartDate must be a date like 2026-01-15.'],
  ] as const) {
    it(`should show ${what} exactly as the backend words it, and stay on the form`, async () => {
      stubBackend((): FakeAnswer => apiError(status, code, message))
      const onConnected = vi.fn()
      const root = renderInto(<BuildertrendConnect onConnected={onConnected} />)
      await fill(root)
      await submit(root.querySelector('form'))
      expect(text(root, '[data-testid=connect-error]')).toBe(message)
      expect(onConnected).not.toHaveBeenCalled()
      expect(input(root, 'bt-username')!.disabled).toBe(false)
      expect(root.querySelector('[data-testid=bt-signing-in]')).toBeNull()
    })
  }
})
