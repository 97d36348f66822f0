/**
 * Node entry of the Buildertrend sandbox. `startBuildertrendSandbox` serves it on a port (0 = random) for
 * tests and `npm start`; run directly it is a CLI:
 *
 *   npx tsx sandboxes/buildertrend/serve.ts --port 8802 --demo
 *
 * @module
 */
import { type RunningSandbox, runIfMain, type ServeOptions, serveSandbox } from '../shared/serve-sandbox'
import { BT_DEMO_PASSWORD, BT_DEMO_USERNAME, type BuildertrendSandbox, type BuildertrendSandboxOptions, createBuildertrendSandbox } from './sandbox'

export interface StartOptions extends BuildertrendSandboxOptions, ServeOptions {}

export type RunningBuildertrendSandbox = RunningSandbox<BuildertrendSandbox>

export const startBuildertrendSandbox = (options: StartOptions = {}): Promise<RunningBuildertrendSandbox> =>
  serveSandbox(createBuildertrendSandbox(options), options)

runIfMain(import.meta.url, {
  name: 'Buildertrend',
  defaultPort: 8802,
  start: startBuildertrendSandbox,
  demoLine: `Demo login: ${BT_DEMO_USERNAME} / ${BT_DEMO_PASSWORD}`,
})
