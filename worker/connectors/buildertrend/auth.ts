/**
 * Signing in to Buildertrend unattended (docs/vendors/buildertrend.md §2): the Auth0 password grant first (accounts
 * migrated to Auth0 are refused by the older login), the mobile-style `/api/Login/AjaxLogin` only when
 * the Auth0 grant is not available. A refused password is never retried: repeated failures lock accounts.
 * Sessions are cached per isolate and renewed when Buildertrend ends them.
 * @module
 */
import { VendorError } from '../../sync/vendor-error'
import type { VendorHttp } from '../../sync/vendor-http'
import { appUrlOf, type BuildertrendCredentials, type BuildertrendSettings, loginUrlOf } from './settings'

export const WRONG_PASSWORD =
  'Buildertrend did not accept this username and password. Check them by signing in at buildertrend.net (the username is often an email address), then reconnect with the same ones.'
export const HUMAN_CHECK =
  'Buildertrend asked for a captcha or a verification code, which an automatic sign-in cannot answer. Sign in once at buildertrend.net with this account in a browser and complete the check there, then reconnect here. We will not keep retrying.'
export const ACCOUNT_LOCKED =
  'Buildertrend has locked this account, usually after too many sign-in attempts. Unlock it with the link Buildertrend emailed (or ask another Buildertrend admin), then reconnect.'

/** The web app's Auth0 audience; the client id is the public one of Buildertrend's web login (unverified). */
const AUTH0 = { audience: 'https://api.buildertrend.net/', client_id: 'buildertrend-web', scope: 'openid profile email' }

const looksHtml = (text: string) => /^\s*</.test(text)
const parse = (text: string): Record<string, unknown> | null => {
  try {
    const value = JSON.parse(text) as unknown
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** Returns the bearer, or null when this account cannot use the Auth0 grant. */
async function auth0Login(http: VendorHttp, settings: BuildertrendSettings, c: BuildertrendCredentials): Promise<string | null> {
  const res = await http.fetch(`${loginUrlOf(settings)}/oauth/token`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ grant_type: 'password', username: c.username, password: c.password, ...AUTH0 }),
  })
  const text = await res.text()
  const body = parse(text)
  if (res.ok && typeof body?.access_token === 'string') return body.access_token
  if (!body) {
    if (res.status === 404) return null
    if (looksHtml(text) || (res.status >= 300 && res.status < 400)) throw new VendorError('needs_human', HUMAN_CHECK, { status: res.status })
    throw new VendorError('bad_response', `Buildertrend's sign-in answered ${res.status} with something we cannot read.`, { status: res.status })
  }
  const error = String(body.error ?? '')
  const description = String(body.error_description ?? '')
  if (error === 'invalid_grant' || error === 'invalid_user_password') throw new VendorError('bad_credentials', WRONG_PASSWORD, { status: res.status })
  if (error === 'access_denied' || error === 'mfa_required' || error === 'requires_verification') throw new VendorError('needs_human', HUMAN_CHECK, { status: res.status })
  if (error === 'too_many_attempts' || /block|lock/i.test(description)) throw new VendorError('locked', ACCOUNT_LOCKED, { status: res.status })
  if (error === 'unauthorized_client' || error === 'invalid_request' || res.status === 404) return null
  throw new VendorError('bad_response', `Buildertrend's sign-in refused us (${error || res.status}): ${description.slice(0, 200)}`, { status: res.status })
}

async function ajaxLogin(http: VendorHttp, settings: BuildertrendSettings, c: BuildertrendCredentials): Promise<string> {
  const res = await http.fetch(`${appUrlOf(settings)}/api/Login/AjaxLogin`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/json', accept: 'application/json', portaltype: '1' },
    body: JSON.stringify({ username: c.username, password: c.password, deviceType: 1, appVersion: '1.0', rememberMe: true }),
  })
  const text = await res.text()
  const body = parse(text)
  if (!body) throw new VendorError('needs_human', HUMAN_CHECK, { status: res.status })
  const token = (body.data as { Token?: unknown } | null)?.Token
  if (body.success === true && typeof token === 'string') return token
  if (/lock|block/i.test(String(body.message ?? ''))) throw new VendorError('locked', ACCOUNT_LOCKED)
  throw new VendorError('bad_credentials', WRONG_PASSWORD, { status: res.status })
}

const sessions = new Map<string, { password: string; token: string }>()
const keyOf = (settings: BuildertrendSettings, c: BuildertrendCredentials) => `${appUrlOf(settings)}|${c.username.toLowerCase()}`

/** A fresh sign-in; the session is cached for the following requests. */
export async function login(http: VendorHttp, settings: BuildertrendSettings, c: BuildertrendCredentials): Promise<string> {
  const token = (await auth0Login(http, settings, c)) ?? (await ajaxLogin(http, settings, c))
  sessions.set(keyOf(settings, c), { password: c.password, token })
  return token
}

export async function session(http: VendorHttp, settings: BuildertrendSettings, c: BuildertrendCredentials, renew = false): Promise<string> {
  const cached = sessions.get(keyOf(settings, c))
  if (!renew && cached && cached.password === c.password) return cached.token
  return login(http, settings, c)
}
