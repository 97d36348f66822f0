/**
 * The Buildertrend web app's JSON endpoints as one Hono app: logins open, everything else behind the
 * session guard. Unknown routes answer like an ASP.NET app would.
 * @module
 */
import { Hono } from 'hono'
import type { SandboxCore } from '../sandbox-core'
import { jobRoutes } from './job-routes'
import { loginRoutes } from './login-routes'
import { sessionGuard } from './session'
import { timeClockRoutes } from './timeclock-routes'
import type { BtEnv } from './types'

export function createBuildertrendApp(core: SandboxCore) {
  const guarded = new Hono<BtEnv>().route('/', jobRoutes).route('/', timeClockRoutes)
  const app = new Hono<BtEnv>()
  app.route('/', loginRoutes(core))
  app.get('/app/error', (c) => c.html('<!DOCTYPE html><html><head><title>Error | Buildertrend</title></head><body>Something went wrong.</body></html>', 200))
  app.use('/api/*', sessionGuard(core))
  app.use('/apix/*', sessionGuard(core))
  app.route('/', guarded)
  app.notFound((c) => c.json({ Message: `No HTTP resource was found that matches the request URI '${c.req.path}'.` }, 404))
  return app
}
