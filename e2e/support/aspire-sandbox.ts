/**
 * The Aspire sandbox (a local stand-in for Aspire's API server) started in the test process, with one
 * tenant whose generated credentials the tests type into the connect panel.
 * @module
 */
import { startAspireSandbox } from '../../sandboxes/aspire/serve'

export interface SandboxTenant {
  /** Where the worker (in workerd) reaches the sandbox: http://127.0.0.1:<port>. */
  url: string
  clientId: string
  secret: string
  /** Lifts the slow-down once the first sync has been watched, so later runs are quick. */
  clearFaults(): Promise<void>
  close(): Promise<void>
}

async function control(url: string, path: string, body: unknown) {
  const res = await fetch(`${url}/__control${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (!res.ok) throw new Error(`sandbox control ${path} answered ${res.status}: ${await res.text()}`)
  return res.json() as Promise<Record<string, unknown>>
}

/**
 * A small tenant without rate limits. Every request is slowed by `delayMs` so the first sync lasts long
 * enough for a person (and the test) to watch its progress. `hostile` mixes markup names, absurd numbers,
 * nulls and extreme dates into its data (the sandbox README's "Hostile tenants").
 */
export async function startSandboxTenant({ delayMs = 300, hostile = false } = {}): Promise<SandboxTenant> {
  const running = await startAspireSandbox({ port: 0 })
  try {
    const tenant = await control(running.url, '/tenants', { size: 'small', config: { rateLimit: 'off' }, ...(hostile ? { hostile: true } : {}) })
    const clientId = String(tenant.clientId)
    if (delayMs > 0) await control(running.url, `/tenants/${encodeURIComponent(clientId)}/faults`, { kind: 'delay', ms: delayMs })
    const clearFaults = async () => {
      const res = await fetch(`${running.url}/__control/tenants/${encodeURIComponent(clientId)}/faults`, { method: 'DELETE' })
      if (!res.ok) throw new Error(`sandbox control DELETE faults answered ${res.status}`)
    }
    return { url: running.url, clientId, secret: String(tenant.secret), clearFaults, close: () => running.close() }
  } catch (err) {
    await running.close()
    throw err
  }
}
