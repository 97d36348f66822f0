/**
 * `npm start`: the whole product on one machine. Applies migrations to the local D1, seeds the demo
 * organisation, runs `wrangler dev` on 127.0.0.1:8787, fires the cron every minute, builds the extension
 * and says where to load it. Ctrl-C stops everything it started.
 * @module
 */
import path from 'node:path'
import { DEMO_CLIENT_ID, DEMO_SECRET } from '../sandboxes/aspire/sandbox'
import { startAspireSandbox } from '../sandboxes/aspire/serve'
import { DEMO } from './demo'
import { ensureDemoConnections } from './demo-connections'
import { ROOT, ensureDevVars, migrateLocalDb, run, seedDemo, startCronTicker, startWorker } from './local-stack'

const PORT = Number(process.env.PORT ?? 8787)
const ASPIRE_SANDBOX_PORT = 8801
const say = (line: string) => console.log(`[protiv] ${line}`)

async function main() {
  ensureDevVars()
  say('applying migrations to the local D1…')
  await migrateLocalDb()
  await seedDemo()
  const aspire = await startAspireSandbox({ port: ASPIRE_SANDBOX_PORT, seedDemo: true })
  say(`Aspire sandbox on ${aspire.url} (demo tenant ${DEMO_CLIENT_ID} / ${DEMO_SECRET})`)
  say(`starting the worker on http://127.0.0.1:${PORT} …`)
  const worker = await startWorker({ port: PORT, log: (line) => /error|exception/i.test(line) && console.log(`[worker] ${line}`) })
  const stopCron = startCronTicker(worker.url, (result) => {
    if (result instanceof Error || result >= 400) say(`cron tick failed: ${result instanceof Error ? result.message : `HTTP ${result}`}`)
  })
  const connected = await ensureDemoConnections(worker.url, [
    {
      vendor: 'aspire',
      credentials: { clientId: DEMO_CLIENT_ID, secret: DEMO_SECRET },
      settings: { syncStartDate: `${new Date().getUTCFullYear() - 1}-01-01`, baseUrl: aspire.url },
    },
  ])
  if (connected.length) say(`connected the demo organisation to: ${connected.join(', ')} (first sync starting)`)
  say('building the extension…')
  await run('npx', ['wxt', 'build'])

  console.log(`
  Protiv Connect is running.

    API        ${worker.url}        (health: ${worker.url}/health)
    Cron       fired every minute by this script
    Sandboxes  Aspire ${aspire.url}  (control API: ${aspire.url}/__control)
    Extension  ${path.join(ROOT, '.output/chrome-mv3')}
               chrome://extensions → Developer mode → Load unpacked → pick that folder
    Sign in    ${DEMO.email} / ${DEMO.password}   (extension options page)

  Press Ctrl-C to stop.
`)

  let stopping = false
  const shutdown = async () => {
    if (stopping) return
    stopping = true
    say('stopping…')
    stopCron()
    await Promise.all([worker.stop(), aspire.close()])
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  worker.child.on('exit', (code) => {
    if (!stopping) {
      say(`the worker exited (${code}); stopping.`)
      stopCron()
      process.exit(1)
    }
  })
}

main().catch((err: Error) => {
  console.error(`[protiv] could not start: ${err.message}`)
  process.exit(1)
})
