/**
 * Node entry of the Buildertrend sandbox. `startBuildertrendSandbox` serves it on a port (0 = random) for
 * tests and `npm start`; run directly it is a CLI:
 *
 *   npx tsx sandboxes/buildertrend/serve.ts --port 8802 --demo
 *
 * @module
 */
import { pathToFileURL } from 'node:url'
import { serveOnPort } from '../shared/serve-on-port'
import { BT_DEMO_PASSWORD, BT_DEMO_USERNAME, type BuildertrendSandbox, type BuildertrendSandboxOptions, createBuildertrendSandbox } from './sandbox'

export interface StartOptions extends BuildertrendSandboxOptions {
  port?: number
  hostname?: string
}

export interface RunningBuildertrendSandbox {
  url: string
  sandbox: BuildertrendSandbox
  close(): Promise<void>
}

export async function startBuildertrendSandbox(options: StartOptions = {}): Promise<RunningBuildertrendSandbox> {
  const sandbox = createBuildertrendSandbox(options)
  const served = await serveOnPort(sandbox.app.fetch, options)
  return { ...served, sandbox }
}

async function main(args: string[]) {
  const index = args.indexOf('--port')
  const port = Number((index >= 0 ? args[index + 1] : undefined) ?? process.env.PORT ?? 8802)
  const running = await startBuildertrendSandbox({ port, seedDemo: args.includes('--demo') })
  console.log(`Buildertrend sandbox listening on ${running.url}`)
  if (args.includes('--demo')) console.log(`Demo login: ${BT_DEMO_USERNAME} / ${BT_DEMO_PASSWORD}`)
  console.log(`Control API: ${running.url}/__control`)
  const stop = () => void running.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err: Error) => {
    console.error(`Buildertrend sandbox could not start: ${err.message}`)
    process.exit(1)
  })
}
