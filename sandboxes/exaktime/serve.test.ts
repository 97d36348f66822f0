import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXAKTIME_DEMO } from './sandbox'
import { startExakTimeSandbox, type RunningExakTimeSandbox } from './serve'

describe('startExakTimeSandbox', () => {
  let running: RunningExakTimeSandbox

  beforeAll(async () => {
    running = await startExakTimeSandbox({ port: 0, seedDemo: true })
  })

  afterAll(async () => {
    await running.close()
  })

  it('should serve the demo company over HTTP on a random port', async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const res = await fetch(`${running.url}/odata/DwUsers?$top=1000`, { headers: { 'Ocp-Apim-Subscription-Key': EXAKTIME_DEMO.apiKey } })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { value: unknown[] }).value).toHaveLength(12)
  })

  it('should create companies through the control API', async () => {
    const res = await fetch(`${running.url}/__control/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ companyId: 'Bravo', size: 'empty' }) })
    const tenant = (await res.json()) as { companyId: string; apiKeys: Array<{ key: string }> }
    expect(tenant.companyId).toBe('bravo')
    const spaced = await fetch(`${running.url}/__control/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ companyId: 'bravo co' }) })
    expect(spaced.status).toBe(400)
    const read = await fetch(`${running.url}/v1/Common/Locations`, { headers: { 'Ocp-Apim-Subscription-Key': tenant.apiKeys[0]!.key } })
    expect(((await read.json()) as { data: unknown[] }).data).toEqual([])
  })
})
