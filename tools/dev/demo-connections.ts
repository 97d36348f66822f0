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

export interface DemoConnectionResult {
  /** Vendors connected now (the ones connected before are left alone). */
  created: string[]
  /**
   * Demo connections a local D1 kept from an older version that now wants new credentials (e.g. ExakTime's
   * username and password, replaced by an API key): reconnected with today's demo credentials.
   */
  relinked: string[]
  /** Vendors whose connect was refused, with the API's message: one sandbox failing does not stop the others. */
  failed: Array<{ vendor: string; error: string }>
}

export async function ensureDemoConnections(workerUrl: string, wanted: DemoConnection[]): Promise<DemoConnectionResult> {
  const anonymous = createApiClient({ baseUrl: workerUrl })
  const { token } = await anonymous('login', { body: { email: DEMO.email, password: DEMO.password } })
  const call = createApiClient({ baseUrl: workerUrl, token: () => token })
  const { connections } = await call('listConnections')
  const created: string[] = []
  const relinked: string[] = []
  const failed: DemoConnectionResult['failed'] = []
  for (const demo of wanted) {
    const existing = connections.find((c) => c.vendor === demo.vendor)
    if (existing && existing.status !== 'relink_needed') continue
    try {
      if (existing) {
        await call('updateConnection', { params: { id: existing.id }, body: { credentials: demo.credentials, settings: demo.settings } })
        relinked.push(demo.vendor)
      } else {
        await call('createConnection', { body: { vendor: demo.vendor, credentials: demo.credentials, settings: demo.settings } })
        created.push(demo.vendor)
      }
    } catch (err) {
      failed.push({ vendor: demo.vendor, error: (err as Error).message })
    }
  }
  return { created, relinked, failed }
}
