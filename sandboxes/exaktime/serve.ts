/**
 * Node entry of the ExakTime sandbox. `startExakTimeSandbox` serves it on a port (0 = random) for tests and
 * `npm start`; run directly it is a CLI:
 *
 *   npx tsx sandboxes/exaktime/serve.ts --port 8803 --demo
 *
 * @module
 */
import { type RunningSandbox, runIfMain, type ServeOptions, serveSandbox } from '../shared/serve-sandbox'
import { createExakTimeSandbox, EXAKTIME_DEMO, type ExakTimeSandbox, type ExakTimeSandboxOptions } from './sandbox'

export interface StartExakTimeOptions extends ExakTimeSandboxOptions, ServeOptions {}

export type RunningExakTimeSandbox = RunningSandbox<ExakTimeSandbox>

export const startExakTimeSandbox = (options: StartExakTimeOptions = {}): Promise<RunningExakTimeSandbox> => serveSandbox(createExakTimeSandbox(options), options)

runIfMain(import.meta.url, {
  name: 'ExakTime',
  defaultPort: 8803,
  start: startExakTimeSandbox,
  demoLine: `Demo company ${EXAKTIME_DEMO.companyId}: API key ${EXAKTIME_DEMO.apiKey} (read-only: ${EXAKTIME_DEMO.readOnlyApiKey})`,
})
