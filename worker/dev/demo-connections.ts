/**
 * Connects the demo organisation to the local vendor sandboxes through the real API, once: what an admin
 * would do in the extension, so `npm start` shows real syncs without a manual step.
 * @module
 */
import { createApiClient } from '../../shared/api/client'
import type { Vendor } from '../../shared/api/connections'
import { DEMO } from './demo'

export interface DemoConnection {
  vendor: Vendor
  credentials: Record<string, unknown>
  settings: Record<string, unknown>
}

export async function ensureDemoConnections(workerUrl: string, wanted: DemoConnection[]): Promise<string[]> {
  const anonymous = createApiClient({ baseUrl: workerUrl })
  const { token } = await anonymous('login', { body: { email: DEMO.email, password: DEMO.password } })
  const call = createApiClient({ baseUrl: workerUrl, token: () => token })
  const { connections } = await call('listConnections')
  const created: string[] = []
  for (const demo of wanted) {
    if (connections.some((c) => c.vendor === demo.vendor)) continue
    await call('createConnection', { body: { vendor: demo.vendor, credentials: demo.credentials, settings: demo.settings } })
    created.push(demo.vendor)
  }
  return created
}
