import { beforeEach, describe, expect, it } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import type { MessageType } from '../messaging/protocol'
import { send } from '../messaging/send'
import { sessionItem } from '../storage/items'
import { contentScriptOn, deliverFrom, extensionPage, foreignExtension, messagesFrom, panelFrameIn } from '../test-support/sender'
import { contentScriptMessages } from './allowed-messages'
import { listenForMessages } from './router'

const aspireTab = () => contentScriptOn('https://cloud.youraspire.com/app/work-tickets')
const buildertrendTab = () => contentScriptOn('https://buildertrend.net/app/TimeClock')
const exaktimeTab = () => contentScriptOn('https://acme.exaktime.com/app/timecards')
const signIn = { apiBaseUrl: 'https://evil.example', email: 'a@b.c', password: 'x' }

describe('background message router', () => {
  beforeEach(() => {
    fakeBrowser.reset()
    messagesFrom(extensionPage())
    listenForMessages()
  })

  it('should answer the signed-out state from storage', async () => {
    expect(await send('auth:state', {})).toEqual({ signedIn: false, apiBaseUrl: __PROTIV_DEFAULT_API__ })
  })

  it('should answer the stored session without exposing its token', async () => {
    await sessionItem.setValue({
      token: 'pvc_secret',
      expiresAt: '2099-01-01T00:00:00.000Z',
      user: { id: 'u1', orgId: 'o1', email: 'a@b.c', name: 'Ann', role: 'admin' },
      organization: { id: 'o1', name: 'Acme', timeZone: 'UTC', locale: 'en-US', currency: 'USD' },
    })
    // The backend is not running in this unit test: the state must come back from storage, unverified.
    const state = await send('auth:state', {})
    expect(state).toMatchObject({ signedIn: true, user: { name: 'Ann' }, organization: { name: 'Acme' } })
    expect(JSON.stringify(state)).not.toContain('pvc_secret')
  })

  it('should turn a handler failure into an error with its message', async () => {
    await expect(send('auth:signIn', { apiBaseUrl: 'http://', email: 'a@b.c', password: 'x' })).rejects.toThrow('is not a web address')
  })

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'auth:nope'])('should answer the unknown type %s with an error, running nothing', async (type) => {
    expect(await deliverFrom(extensionPage(), { type, payload: {} })).toEqual({ ok: false, error: expect.stringContaining(`Unknown message "${type}"`) })
  })

  it('should leave messages that are no envelope unanswered', async () => {
    expect(await deliverFrom(extensionPage(), 'auth:state')).toBeUndefined()
    expect(await deliverFrom(extensionPage(), { type: 42 })).toBeUndefined()
  })

  describe('who may ask', () => {
    it.each([
      ['another extension', foreignExtension()],
      ['another extension claiming our page URL', { ...extensionPage(), id: 'someone-else' }],
      ['a sender without an id', { url: 'https://cloud.youraspire.com/app' }],
      ['the empty sender', {}],
    ])('should refuse %s before looking at the type', async (_what, sender) => {
      for (const type of ['auth:state', 'constructor']) {
        expect(await deliverFrom(sender, { type, payload: {} })).toEqual({ ok: false, error: expect.stringContaining('not other extensions or web pages') })
      }
    })

    it.each([
      ['a tab on another site', 'https://evil.example/cloud.youraspire.com'],
      ['a look-alike host', 'https://cloud.youraspire.com.evil.example/app'],
      ['plain http on a vendor host', 'http://buildertrend.net/app'],
      ['a data URL', 'data:text/html,hi'],
    ])('should refuse our id in %s', async (_what, url) => {
      expect(await deliverFrom(contentScriptOn(url), { type: 'auth:state', payload: {} })).toEqual({
        ok: false,
        error: expect.stringContaining('neither a Protiv Connect page nor its panel on a vendor site'),
      })
    })

    it('should refuse a frame of ours claiming no tab and a web URL', async () => {
      const reply = await deliverFrom({ id: fakeBrowser.runtime.id, url: 'https://cloud.youraspire.com/app' }, { type: 'auth:state', payload: {} })
      expect(reply).toMatchObject({ ok: false })
    })

    it.each([
      ['aspire', aspireTab],
      ['buildertrend', buildertrendTab],
      ['exaktime', exaktimeTab],
    ])('should refuse sign-in and sign-out from the %s content script, saving no backend address', async (_vendor, tab) => {
      const reply = await deliverFrom(tab(), { type: 'auth:signIn', payload: signIn })
      expect(reply).toEqual({ ok: false, error: expect.stringContaining('options page') })
      expect(await deliverFrom(tab(), { type: 'auth:signOut', payload: {} })).toEqual({ ok: false, error: expect.stringContaining('options page') })
      expect([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.session.get(null)]).toEqual([{}, {}])
    })

    it('should refuse a message outside the vendor panel’s list, naming where the list lives', async () => {
      for (const [tab, type] of [
        [exaktimeTab, 'propay:approve'],
        [exaktimeTab, 'buildertrend:connectSession'],
        [aspireTab, 'buildertrend:connectSession'],
        [buildertrendTab, 'propay:get'],
        [buildertrendTab, 'review:unapprove'],
        [aspireTab, 'constructor'],
      ] as const) {
        expect(await deliverFrom(tab(), { type, payload: { id: 'pp_1' } })).toEqual({
          ok: false,
          error: expect.stringContaining('contentScriptMessages in extension/background/allowed-messages.ts'),
        })
      }
    })

    it("should answer every type from our pages, in the popup or in a tab, and each vendor's types from its content script", async () => {
      // auth:state is answered from storage alone, so it shows the sender was let through.
      for (const sender of [extensionPage('/popup.html'), extensionPage('/options.html', true), panelFrameIn('https://buildertrend.net/app/TimeClock')]) {
        expect(await deliverFrom(sender, { type: 'auth:state', payload: {} })).toMatchObject({ ok: true, data: { signedIn: false } })
      }
      // What every content script sends: the screen its panel frame sits on.
      const setContext = { type: 'panel:setContext', payload: { layout: 'dock', page: { kind: 'other', id: null, label: null, title: null } } }
      for (const sender of [aspireTab(), buildertrendTab(), exaktimeTab(), contentScriptOn('https://www.buildertrend.net/app')]) {
        expect(await deliverFrom(sender, setContext)).toEqual({ ok: true, data: { stored: true } })
      }
      expect(await deliverFrom(aspireTab(), { type: 'auth:state', payload: {} })).toMatchObject({ ok: true, data: { signedIn: false } })
      // A sign-in from our page gets as far as checking the address.
      expect(await deliverFrom(extensionPage(), { type: 'auth:signIn', payload: { ...signIn, apiBaseUrl: 'http://' } })).toEqual({
        ok: false,
        error: expect.stringContaining('is not a web address'),
      })
    })

    it.each([
      ['connections:create', { vendor: 'buildertrend', credentials: {}, settings: {} }],
      ['connections:update', { id: 'c1', patch: { paused: true } }],
      ['connections:forceSync', { id: 'c1' }],
      ['buildertrend:connectSession', { auto: true }],
      ['propay:approve', { id: 'pp_1' }],
      ['propay:get', { id: 'pp_1' }],
      ['panel:context', {}],
    ])('should refuse %s from a content script: the panel frame asks for it (#15)', async (type, payload) => {
      for (const sender of [aspireTab(), buildertrendTab(), exaktimeTab()]) {
        expect(await deliverFrom(sender, { type, payload })).toEqual({ ok: false, error: expect.stringContaining(`Refused "${type}"`) })
      }
    })

    it('should keep sign-in, sign-out and the backend address off every content script list', () => {
      const pageOnly: MessageType[] = ['auth:signIn', 'auth:signOut', 'organization:update']
      for (const allowed of Object.values(contentScriptMessages)) for (const type of pageOnly) expect(allowed.has(type)).toBe(false)
    })
  })
})
