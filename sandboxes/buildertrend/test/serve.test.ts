import { describe, expect, it } from 'vitest'
import { startBuildertrendSandbox } from '../serve'
import { CHROME_HEADERS } from './harness'

describe('startBuildertrendSandbox', () => {
  it('should serve on a free port over real HTTP and close', async () => {
    const running = await startBuildertrendSandbox({ seedDemo: true })
    try {
      const res = await fetch(`${running.url}/__control/tenants/demo`)
      expect(await res.json()).toMatchObject({ username: 'demo@buildertrend.test', builderName: 'Summit Ridge Builders (demo)' })
      // No session cookie: Buildertrend sends the client to its error page.
      const refused = await fetch(`${running.url}/api/AccountInfo/GlobalInfo`, { headers: { ...CHROME_HEADERS, portaltype: '1' }, redirect: 'manual' })
      expect(refused.status).toBe(302)
      expect(refused.headers.get('location')).toMatch(/\/app\/error$/)
    } finally {
      await running.close()
    }
  })
})
