import { createApiClient } from '../../shared/api/client'
import { DEMO } from './demo'

/**
 * The bonus program of a new organisation starts at "Not Sure" (nothing generated, per the spec). The demo
 * organisation gets a launch date once, through the API, so `npm start` shows ProPays at once; an admin's
 * later choice is never overwritten.
 */
export async function ensureDemoBonusProgram(workerUrl: string, launchDate: string): Promise<boolean> {
  const { token } = await createApiClient({ baseUrl: workerUrl })('login', { body: { email: DEMO.email, password: DEMO.password } })
  const call = createApiClient({ baseUrl: workerUrl, token: () => token })
  const { settings } = await call('getBonusSettings')
  if (settings.launchDate !== null) return false
  await call('updateBonusSettings', { body: { launchDate } })
  return true
}
