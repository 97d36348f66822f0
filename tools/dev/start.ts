/**
 * `npm start`: the whole product on one machine. Applies migrations to the local D1, seeds the demo
 * organisation, runs `wrangler dev` on 127.0.0.1:8787, fires the cron every minute, builds the extension
 * and says where to load it. Ctrl-C stops everything it started.
 * @module
 */
import path from 'node:path'
import { DEMO_CLIENT_ID, DEMO_SECRET } from '../../sandboxes/aspire/sandbox'
import { startAspireSandbox } from '../../sandboxes/aspire/serve'
import { BT_DEMO_PASSWORD, BT_DEMO_USERNAME } from '../../sandboxes/buildertrend/sandbox'
import { startBuildertrendSandbox } from '../../sandboxes/buildertrend/serve'
import { EXAKTIME_DEMO } from '../../sandboxes/exaktime/sandbox'
import { startExakTimeSandbox } from '../../sandboxes/exaktime/serve'
import { DEMO } from './demo'
import { ensureDemoBonusProgram } from './demo-bonus-program'
import { ensureDemoConnections } from './demo-connections'
import { seedLocalBrowser } from './local-browser'
import { ROOT, ensureDevVars, migrateLocalDb, run, seedDemo, startCronTicker, startWorker } from './local-stack'

const PORT = Number(process.env.PORT ?? 8787)
const ASPIRE_SANDBOX_PORT = 8801
const BUILDERTREND_SANDBOX_PORT = 8802
const EXAKTIME_SANDBOX_PORT = 8803
const say = (line: string) => console.log(`[protiv] ${line}`)
/** A date `days` before today (UTC), as the API wants it: 2026-01-15. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

async function main() {
  ensureDevVars()
  say('applying migrations to the local D1…')
  await migrateLocalDb()
  await seedDemo()
  const aspire = await startAspireSandbox({ port: ASPIRE_SANDBOX_PORT, seedDemo: true })
  say(`Aspire sandbox on ${aspire.url} (demo tenant ${DEMO_CLIENT_ID} / ${DEMO_SECRET})`)
  const buildertrend = await startBuildertrendSandbox({ port: BUILDERTREND_SANDBOX_PORT, seedDemo: true })
  say(`Buildertrend sandbox on ${buildertrend.url} (demo sign-in ${BT_DEMO_USERNAME} / ${BT_DEMO_PASSWORD})`)
  const exaktime = await startExakTimeSandbox({ port: EXAKTIME_SANDBOX_PORT, seedDemo: true })
  say(
    `ExakTime sandbox on ${exaktime.url} (demo company ${EXAKTIME_DEMO.companyId}: API key ${EXAKTIME_DEMO.apiKey}, read-only ${EXAKTIME_DEMO.readOnlyApiKey})`,
  )
  const closeSandboxes = () => Promise.all([aspire.close(), buildertrend.close(), exaktime.close()])
  say(`starting the worker on http://127.0.0.1:${PORT} …`)
  // Local Browser Rendering runs on the system Chromium (tools/dev/local-browser.ts); with it, the Buildertrend demo
  // connection syncs through a real browser as production does; without Chromium it stays on fetch.
  const localBrowser = seedLocalBrowser()
  console.log(localBrowser ? 'Buildertrend syncs through the local browser (Debian Chromium).' : 'No Chromium found: Buildertrend syncs over fetch.')
  const worker = await startWorker({ port: PORT, vars: localBrowser ? { BT_TRANSPORT: 'browser' } : {}, log: (line) => /error|exception/i.test(line) && console.log(`[worker] ${line}`) })
  const stopCron = startCronTicker(worker.url, (result) => {
    if (result instanceof Error || result >= 400) say(`cron tick failed: ${result instanceof Error ? result.message : `HTTP ${result}`}`)
  })
  if (await ensureDemoBonusProgram(worker.url, `${new Date().getUTCFullYear() - 1}-01-01`)) say('switched on the demo bonus program (launch date set)')
  const { created, relinked, failed } = await ensureDemoConnections(worker.url, [
    {
      vendor: 'aspire',
      credentials: { clientId: DEMO_CLIENT_ID, secret: DEMO_SECRET },
      settings: { syncStartDate: `${new Date().getUTCFullYear() - 1}-01-01`, baseUrl: aspire.url },
    },
    {
      vendor: 'buildertrend',
      credentials: { username: BT_DEMO_USERNAME, password: BT_DEMO_PASSWORD },
      settings: { syncStartDate: daysAgo(90), baseUrl: buildertrend.url },
    },
    {
      vendor: 'exaktime',
      credentials: { companyId: EXAKTIME_DEMO.companyId, apiKey: EXAKTIME_DEMO.readOnlyApiKey },
      // The demo company uses first-class Jobs (the sandbox's `jobSource: 'job'`). ExakTime holds no budgets, so without
      // one set in Protiv no ExakTime job would qualify for a ProPay: 300 hours each puts the demo jobs (96–529 hours of
      // time) on both sides of their budget.
      settings: { syncStartDate: daysAgo(90), finalizedOnly: true, approvalLevel: 'sign_off', jobSource: 'job', laborBudget: { basis: 'hours', hours: 300 }, baseUrl: exaktime.url },
    },
  ])
  if (created.length) say(`connected the demo organisation to: ${created.join(', ')} (first sync starting)`)
  if (relinked.length) say(`reconnected the demo organisation's ${relinked.join(', ')} with today's demo credentials`)
  for (const { vendor, error } of failed) say(`could not connect the demo organisation to ${vendor}: ${error}`)
  say('building the extension…')
  // A developer build: the local backend baked in, and the connect forms' Advanced vendor address (for the sandboxes).
  await run('npx', ['wxt', 'build', '--mode', 'development'])

  console.log(`
  Protiv Connect is running.

    API        ${worker.url}        (health: ${worker.url}/health)
    Cron       fired every minute by this script
    Sandboxes  Aspire ${aspire.url}  (control API: ${aspire.url}/__control)
               Buildertrend ${buildertrend.url}  (sign-in ${BT_DEMO_USERNAME} / ${BT_DEMO_PASSWORD})
               ExakTime ${exaktime.url}  (Company ID ${EXAKTIME_DEMO.companyId}, API key ${EXAKTIME_DEMO.readOnlyApiKey})
    Extension  ${path.join(ROOT, '.output/chrome-mv3-dev')}
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
    await Promise.all([worker.stop(), closeSandboxes()])
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
