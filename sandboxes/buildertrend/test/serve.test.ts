import { describe, expect, it } from 'vitest'
import { startBuildertrendSandbox } from '../serve'

describe('startBuildertrendSandbox', () => {
  it('should serve on a free port over real HTTP and close', async () => {
    const running = await startBuildertrendSandbox({ seedDemo: true })
    try {
      const res = await fetch(`${running.url}/__control/tenants/demo`)
      expect(await res.json()).toMatchObject({ username: 'demo@buildertrend.test', builderName: 'Summit Ridge Builders (demo)' })
      const expired = await fetch(`${running.url}/api/AccountInfo/GlobalInfo`, { headers: { portaltype: '1' }, redirect: 'manual' })
      expect(await expired.json()).toMatchObject({ needsToRelogin: true })
    } finally {
      await running.close()
    }
  })
})
