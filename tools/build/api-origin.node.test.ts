import { afterEach, describe, expect, it, vi } from 'vitest'
import config from '../../wxt.config'
import { apiOrigin, checkApiOrigin, LOCAL_API_ORIGIN } from './api-origin'

/** Runs wxt.config.ts's own `build:before` hook, as `wxt build --mode <mode>` does before building. */
async function buildBefore(mode: string) {
  const hook = (config.hooks as Record<string, unknown> | undefined)?.['build:before']
  if (typeof hook !== 'function') throw new Error('wxt.config.ts has no build:before hook')
  await (hook as (wxt: unknown) => unknown)({ config: { mode } })
}

describe('the API origin a build bakes in', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('should refuse a production build without PROTIV_API_ORIGIN, naming the variable and what to do', async () => {
    vi.stubEnv('PROTIV_API_ORIGIN', undefined)
    await expect(buildBefore('production')).rejects.toThrow(/^PROTIV_API_ORIGIN is not set: .*https origin.*--mode development/)
    vi.stubEnv('PROTIV_API_ORIGIN', '  ')
    await expect(buildBefore('production')).rejects.toThrow('PROTIV_API_ORIGIN is not set')
  })

  it.each(['http://api.example.com', 'https://api.example.com/api', 'api.example.com'])('should refuse %s as a production origin', (origin) => {
    expect(() => checkApiOrigin('production', { PROTIV_API_ORIGIN: origin })).toThrow(`PROTIV_API_ORIGIN "${origin}"`)
  })

  it('should build production for an https origin, and developer modes without one', async () => {
    vi.stubEnv('PROTIV_API_ORIGIN', 'https://api.protiv.example')
    await expect(buildBefore('production')).resolves.toBeUndefined()
    expect(apiOrigin()).toBe('https://api.protiv.example')
    vi.stubEnv('PROTIV_API_ORIGIN', undefined)
    await expect(buildBefore('development')).resolves.toBeUndefined()
    await expect(buildBefore('e2e')).resolves.toBeUndefined()
    expect(apiOrigin()).toBe(LOCAL_API_ORIGIN)
  })
})
