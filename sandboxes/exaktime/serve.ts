/**
 * Node entry of the ExakTime sandbox. `startExakTimeSandbox` serves it on a port (0 = random) for tests and
 * `npm start`; run directly it is a CLI:
 *
 *   npx tsx sandboxes/exaktime/serve.ts --port 8803 --demo
 *
 * @module
 */
import { pathToFileURL } from 'node:url'
import { serveOnPort } from '../shared/serve-on-port'
import { createExakTimeSandbox, EXAKTIME_DEMO, type ExakTimeSandbox, type ExakTimeSandboxOptions } from './sandbox'

export interface StartExakTimeOptions extends ExakTimeSandboxOptions {
  port?: number
  hostname?: string
}

export interface RunningExakTimeSandbox {
  url: string
  sandbox: ExakTimeSandbox
  close(): Promise<void>
}

export async function startExakTimeSandbox(options: StartExakTimeOptions = {}): Promise<RunningExakTimeSandbox> {
  const sandbox = createExakTimeSandbox(options)
  const served = await serveOnPort(sandbox.app.fetch, options)
  return { ...served, sandbox }
}

async function main(args: string[]) {
  const index = args.indexOf('--port')
  const port = Number((index >= 0 ? args[index + 1] : undefined) ?? process.env.PORT ?? 8803)
  const running = await startExakTimeSandbox({ port, seedDemo: args.includes('--demo') })
  console.log(`ExakTime sandbox listening on ${running.url}`)
  if (args.includes('--demo')) console.log(`Demo company ${EXAKTIME_DEMO.companyId}: API key ${EXAKTIME_DEMO.apiKey}, login ${EXAKTIME_DEMO.username} / ${EXAKTIME_DEMO.password}`)
  console.log(`Control API: ${running.url}/__control`)
  const stop = () => void running.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err: Error) => {
    console.error(`ExakTime sandbox could not start: ${err.message}`)
    process.exit(1)
  })
}
