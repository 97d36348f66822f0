/**
 * Writes to Aspire. Responses are thin (an id as a JSON string, a boolean, or an int32) and no write is
 * idempotent on Aspire's side, so callers pair every write with a lookup (see push/).
 * @module
 */
import { VendorError } from '../../sync/vendor-error'
import { token } from './auth'
import { type AspireContext, baseUrlOf } from './client'

export class AspireRefused extends Error {}

export async function writeAspire(ctx: AspireContext, method: 'POST' | 'PUT', path: string, body: unknown): Promise<unknown> {
  const base = baseUrlOf(ctx.settings)
  for (let attempt = 0; ; attempt++) {
    const bearer = await token(ctx.http, base, ctx.credentials, ctx.now, attempt > 0)
    const res = await ctx.http.fetch(`${base}${path}?api-version=1.0`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    })
    if (res.status === 401 && attempt === 0) {
      await res.body?.cancel()
      continue
    }
    const text = await res.text()
    if (res.status === 401) throw new VendorError('bad_credentials', 'Aspire no longer accepts this API key. Reconnect with a current Client ID and Secret.', { status: 401 })
    if (res.status === 403) throw new VendorError('forbidden', `This Aspire API key may not write ${path.slice(1)}. Tick it under Scope in Aspire's Administration → Application → API.`, { status: 403 })
    // Other 4xx: Aspire read the request and refused it; sending it again would be refused again.
    if (res.status >= 400 && res.status < 500) throw new AspireRefused(`Aspire refused it (${res.status}): ${readMessage(text)}`)
    if (!res.ok) throw new VendorError('vendor_down', `Aspire answered ${res.status} to ${method} ${path}; the write will be checked and retried.`, { status: res.status })
    try {
      return text ? JSON.parse(text) : null
    } catch {
      return text
    }
  }
}

function readMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: string; Message?: string; title?: string }
    return body.message ?? body.Message ?? body.title ?? text.slice(0, 200)
  } catch {
    return text.slice(0, 200) || 'no reason given'
  }
}
