/**
 * Signing in to Buildertrend unattended, as public code does it (docs/vendors/buildertrend.md §16.2): the Auth0
 * password grant of the web app first (form-encoded, the web app's public client id), the mobile-style
 * `/api/Login/AjaxLogin` when Auth0 does not give a token for a reason other than the password. A refused password is
 * never retried: repeated failures lock accounts. The session is a cookie jar plus the bearer the login returned
 * (§16.3), cached per isolate and renewed when Buildertrend ends it. A browser session (the cookies of the admin's
 * signed-in Chrome, handed over by the extension) needs no sign-in and cannot be renewed here (§15.1).
 * @module
 */
import { VendorError } from '../../sync/vendor-error'
import type { VendorHttp } from '../../sync/vendor-http'
import { CHROME_USER_AGENT, MOBILE_APP_VERSION, MOBILE_USER_AGENT } from './browser-headers'
import { CookieJar } from './cookie-jar'
import { appUrlOf, type BuildertrendBrowserSession, type BuildertrendCredentials, type BuildertrendPassword, type BuildertrendSettings, isBrowserSession, loginUrlOf } from './settings'

export const WRONG_PASSWORD =
  'Buildertrend did not accept this username and password. Check them by signing in at buildertrend.net (the username is often an email address), then reconnect with the same ones.'
export const HUMAN_CHECK =
  'Buildertrend asked for a captcha or a verification code, which an automatic sign-in cannot answer. Sign in to Buildertrend in Chrome with this account and complete the check there, then reconnect here. We will not keep retrying.'
export const ACCOUNT_LOCKED =
  'Buildertrend has locked this account, usually after too many sign-in attempts. Unlock it with the link Buildertrend emailed (or ask another Buildertrend admin), then reconnect.'

/** RO-PULL's constants (§16.2): the web app's public Auth0 client, no secret, no realm. */
export const AUTH0_CLIENT_ID = 'rM9vUB980Q7Tfy1eSi9fc5FDBpNM0jt3'
const AUTH0 = { audience: 'https://api.buildertrend.net/', client_id: AUTH0_CLIENT_ID, scope: 'openid profile email' }

export interface BtSession {
  jar: CookieJar
  /** Sent alongside the cookies, as RO-PULL does after a password login; absent for a browser-cookie session. */
  bearer: string | null
}

const looksHtml = (text: string) => /^\s*</.test(text)
const parse = (text: string): Record<string, unknown> | null => {
  try {
    const value = JSON.parse(text) as unknown
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** The session, or null when this account cannot use the Auth0 grant (AjaxLogin may still work). */
async function auth0Login(http: VendorHttp, settings: BuildertrendSettings, c: BuildertrendPassword): Promise<BtSession | null> {
  const res = await http.fetch(`${loginUrlOf(settings)}/oauth/token`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'user-agent': CHROME_USER_AGENT },
    body: new URLSearchParams({ grant_type: 'password', username: c.username, password: c.password, ...AUTH0 }).toString(),
  })
  const text = await res.text()
  const body = parse(text)
  if (res.ok && typeof body?.access_token === 'string') {
    const jar = new CookieJar()
    // Cookies belong to the host that set them: only when the login and app hosts are one (a sandbox) do they carry over.
    if (new URL(loginUrlOf(settings)).host === new URL(appUrlOf(settings)).host) jar.absorb(res)
    return { jar, bearer: body.access_token }
  }
  if (!body) {
    if (res.status === 404) return null
    if (looksHtml(text) || (res.status >= 300 && res.status < 400)) throw new VendorError('needs_human', HUMAN_CHECK, { status: res.status })
    throw new VendorError('bad_response', `Buildertrend's sign-in answered ${res.status} with something we cannot read.`, { status: res.status })
  }
  const error = String(body.error ?? '')
  const description = String(body.error_description ?? '')
  if (error === 'invalid_grant' || error === 'invalid_user_password') throw new VendorError('bad_credentials', WRONG_PASSWORD, { status: res.status })
  // RO-PULL reads these words as Auth0's bot wall (reCAPTCHA): a person has to sign in.
  if (error === 'access_denied' || error === 'mfa_required' || error === 'requires_verification' || /captcha|\bbot\b/i.test(description)) {
    throw new VendorError('needs_human', HUMAN_CHECK, { status: res.status })
  }
  if (error === 'too_many_attempts' || /block|lock/i.test(description)) throw new VendorError('locked', ACCOUNT_LOCKED, { status: res.status })
  if (error === 'unauthorized_client' || error === 'invalid_request' || res.status === 404) return null
  throw new VendorError('bad_response', `Buildertrend's sign-in refused us (${error || res.status}): ${description.slice(0, 200)}`, { status: res.status })
}

/** RO-PULL `loginMobile` (§16.2): success is `success` or `data.loginSuccess`; `data.Token` and `data.mobileCookies`. */
async function ajaxLogin(http: VendorHttp, settings: BuildertrendSettings, c: BuildertrendPassword): Promise<BtSession> {
  const res = await http.fetch(`${appUrlOf(settings)}/api/Login/AjaxLogin`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': MOBILE_USER_AGENT },
    body: JSON.stringify({ username: c.username, password: c.password, deviceType: 'iPhone', appVersion: MOBILE_APP_VERSION, rememberMe: true }),
  })
  const text = await res.text()
  const body = parse(text)
  if (!body) throw new VendorError('needs_human', HUMAN_CHECK, { status: res.status })
  const data = (body.data && typeof body.data === 'object' ? body.data : {}) as { Token?: unknown; loginSuccess?: unknown; mobileCookies?: unknown }
  if ((body.success === true || data.loginSuccess === true) && typeof data.Token === 'string') {
    const jar = new CookieJar()
    jar.absorb(res)
    for (const cookie of Array.isArray(data.mobileCookies) ? data.mobileCookies : []) {
      const { name, value } = (cookie ?? {}) as { name?: unknown; value?: unknown }
      if (typeof name === 'string' && typeof value === 'string') jar.set(name, value)
    }
    return { jar, bearer: data.Token }
  }
  if (/lock|block/i.test(String(body.message ?? ''))) throw new VendorError('locked', ACCOUNT_LOCKED)
  throw new VendorError('bad_credentials', WRONG_PASSWORD, { status: res.status })
}

/**
 * The one sentence for a browser session Buildertrend has ended: nothing on our side can renew it, the extension does
 * when the admin opens buildertrend.net signed in (#14). Kept in shared/, beside the extension's tests that show it.
 */
export { BROWSER_SESSION_ENDED } from '../../../shared/vendor-contracts/buildertrend/session-ended'

const sessions = new Map<string, { password: string; session: BtSession }>()
const keyOf = (settings: BuildertrendSettings, c: BuildertrendPassword) => `${appUrlOf(settings)}|${c.username.toLowerCase()}`
/** One jar per credentials object: a browser session is its cookies, rotated by `Set-Cookie` while a sync runs. */
const browserJars = new WeakMap<BuildertrendBrowserSession, BtSession>()

function browserSession(c: BuildertrendBrowserSession): BtSession {
  let session = browserJars.get(c)
  if (!session) {
    const jar = new CookieJar()
    for (const { name, value } of c.cookies) jar.set(name, value)
    session = { jar, bearer: null }
    browserJars.set(c, session)
  }
  return session
}

/** Whether an ended session can be renewed here: only a password can sign in again; a browser session needs a person. */
export const canRenew = (c: BuildertrendCredentials) => !isBrowserSession(c)

/** A fresh sign-in; the session is cached for the following requests. A browser session is used as it is. */
export async function login(http: VendorHttp, settings: BuildertrendSettings, c: BuildertrendCredentials): Promise<BtSession> {
  if (isBrowserSession(c)) return browserSession(c)
  const session = (await auth0Login(http, settings, c)) ?? (await ajaxLogin(http, settings, c))
  sessions.set(keyOf(settings, c), { password: c.password, session })
  return session
}

export async function session(http: VendorHttp, settings: BuildertrendSettings, c: BuildertrendCredentials, renew = false): Promise<BtSession> {
  if (isBrowserSession(c)) return browserSession(c)
  const cached = sessions.get(keyOf(settings, c))
  if (!renew && cached && cached.password === c.password) return cached.session
  return login(http, settings, c)
}
