import type { TestProject } from 'vitest/node'
import { startAspireSandbox } from '../../sandboxes/aspire/serve'
import { startBuildertrendSandbox } from '../../sandboxes/buildertrend/serve'
import { startExakTimeSandbox } from '../../sandboxes/exaktime/serve'

/**
 * Vendor sandboxes are Node HTTP servers (stand-ins for the vendors' own servers). They are started once
 * for the workerd test run; tests read their base URLs with `inject('sandboxes')` and create a fresh
 * tenant per test through each sandbox's control API (`POST {url}/__control/tenants`).
 */
export default async function startSandboxes(project: TestProject) {
  const started: Array<{ close(): Promise<void> }> = []
  const urls: Record<string, string> = {}
  const aspire = await startAspireSandbox({ port: 0 })
  started.push(aspire)
  urls.aspire = aspire.url
  const buildertrend = await startBuildertrendSandbox({ port: 0 })
  started.push(buildertrend)
  urls.buildertrend = buildertrend.url
  const exaktime = await startExakTimeSandbox({ port: 0 })
  started.push(exaktime)
  urls.exaktime = exaktime.url
  project.provide('sandboxes', urls)
  return async () => {
    await Promise.all(started.map((server) => server.close()))
  }
}
