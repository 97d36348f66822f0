/**
 * Node entry of the Aspire sandbox. `startAspireSandbox` serves it on a port (0 = random) for tests and
 * `npm start`; run directly it is a CLI:
 *
 *   npx tsx sandboxes/aspire/serve.ts --port 8801 --demo
 *
 * @module
 */
import { pathToFileURL } from 'node:url'
import { serveOnPort } from '../shared/serve-on-port'
import { createAspireSandbox, DEMO_CLIENT_ID, DEMO_SECRET, type AspireSandbox, type AspireSandboxOptions } from './sandbox'

export interface StartOptions extends AspireSandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number
  hostname?: string
}

export interface RunningSandbox {
  url: string
  sandbox: AspireSandbox
  close(): Promise<void>
}

export async function startAspireSandbox(options: StartOptions = {}): Promise<RunningSandbox> {
  const sandbox = createAspireSandbox(options)
  const served = await serveOnPort(sandbox.app.fetch, options)
  return { ...served, sandbox }
}

function argValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name)
  return index >= 0 ? args[index + 1] : undefined
}

async function main(args: string[]) {
  const port = Number(argValue(args, '--port') ?? process.env.PORT ?? 8801)
  const running = await startAspireSandbox({ port, seedDemo: args.includes('--demo') })
  console.log(`Aspire sandbox listening on ${running.url}`)
  if (args.includes('--demo')) console.log(`Demo tenant: ClientId ${DEMO_CLIENT_ID}, Secret ${DEMO_SECRET}`)
  console.log(`Control API: ${running.url}/__control`)
  const stop = () => void running.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err: Error) => {
    console.error(`Aspire sandbox could not start: ${err.message}`)
    process.exit(1)
  })
}
