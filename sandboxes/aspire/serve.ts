/**
 * Node entry of the Aspire sandbox. `startAspireSandbox` serves it on a port (0 = random) for tests and
 * `npm start`; run directly it is a CLI:
 *
 *   npx tsx sandboxes/aspire/serve.ts --port 8801 --demo
 *
 * @module
 */
import { type RunningSandbox as Running, runIfMain, type ServeOptions, serveSandbox } from '../shared/serve-sandbox'
import { createAspireSandbox, DEMO_CLIENT_ID, DEMO_SECRET, type AspireSandbox, type AspireSandboxOptions } from './sandbox'

export interface StartOptions extends AspireSandboxOptions, ServeOptions {}

export type RunningSandbox = Running<AspireSandbox>

export const startAspireSandbox = (options: StartOptions = {}): Promise<RunningSandbox> => serveSandbox(createAspireSandbox(options), options)

runIfMain(import.meta.url, {
  name: 'Aspire',
  defaultPort: 8801,
  start: startAspireSandbox,
  demoLine: `Demo tenant: ClientId ${DEMO_CLIENT_ID}, Secret ${DEMO_SECRET}`,
})
