/**
 * Answers a write that has been applied. The lost-response fault answers 502 (or drops the connection
 * when the server runs on Node) after the write took effect, so the client cannot know it succeeded.
 * @module
 */
import type { Context } from 'hono'
import type { Tenant } from '../tenant/tenant'
import type { SandboxEnv } from './env'
import { htmlErrorPage } from './error-pages'

interface NodeBindings {
  incoming?: { socket?: { destroy(): void } }
}

/** `value` undefined answers 200 with an empty body, as the spec's body-less writes do. */
export function writeResponse(c: Context<SandboxEnv>, tenant: Tenant, value: unknown): Response {
  const lost = tenant.faults.take('lost-response', { method: c.req.method, path: c.req.path })
  if (lost) {
    c.set('fault', 'lost-response')
    const socket = (c.env as NodeBindings | undefined)?.incoming?.socket
    if (lost.mode === 'close' && socket) {
      socket.destroy()
      return c.body(null, 502)
    }
    return c.html(htmlErrorPage(502), 502)
  }
  return value === undefined ? c.body(null, 200) : c.json(value)
}
