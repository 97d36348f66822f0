/**
 * What the sandboxes' `serve.ts` entries share: serving a sandbox on a port with the sandbox attached (for
 * tests and `npm start`), and running one from the command line
 * (`npx tsx sandboxes/<vendor>/serve.ts --port N --demo`).
 * @module
 */
import { pathToFileURL } from 'node:url'
import { serveOnPort, type ServedApp } from './serve-on-port'

export interface ServeOptions {
  /** 0 (default) picks a free port. */
  port?: number
  hostname?: string
}

export interface RunningSandbox<Sandbox> extends ServedApp {
  sandbox: Sandbox
}

type Fetch = (request: Request) => Response | Promise<Response>

export async function serveSandbox<Sandbox extends { app: { fetch: Fetch } }>(sandbox: Sandbox, options: ServeOptions = {}): Promise<RunningSandbox<Sandbox>> {
  const served = await serveOnPort(sandbox.app.fetch, options)
  return { ...served, sandbox }
}

export interface SandboxCli {
  /** The vendor, as the messages name it. */
  name: string
  defaultPort: number
  start(options: { port: number; seedDemo: boolean }): Promise<ServedApp>
  /** What `--demo` prints: the demo tenant's credentials. */
  demoLine: string
}

function argValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name)
  return index >= 0 ? args[index + 1] : undefined
}

async function main(cli: SandboxCli, args: string[]) {
  const port = Number(argValue(args, '--port') ?? process.env.PORT ?? cli.defaultPort)
  const seedDemo = args.includes('--demo')
  const running = await cli.start({ port, seedDemo })
  console.log(`${cli.name} sandbox listening on ${running.url}`)
  if (seedDemo) console.log(cli.demoLine)
  console.log(`Control API: ${running.url}/__control`)
  const stop = () => void running.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

/** Runs the sandbox CLI when `moduleUrl` is the script Node was started with (not when it is imported). */
export function runIfMain(moduleUrl: string, cli: SandboxCli) {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return
  main(cli, process.argv.slice(2)).catch((err: Error) => {
    console.error(`${cli.name} sandbox could not start: ${err.message}`)
    process.exit(1)
  })
}
