/**
 * The HTTP API: `/health` and everything under `/api/v1`. Every `/api/v1` route except login requires a
 * bearer token; handlers scope their queries to the caller's organisation.
 * @module
 */
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { authRoutes } from './auth/routes'
import { connectionRoutes } from './connections/routes'
import { diagnosticsRoutes } from './diagnostics/routes'
import { employeeRoutes } from './employees/routes'
import { requireAuth } from './auth/require-auth'
import type { AppEnv } from './env'
import { healthRoute } from './health/route'
import { jobRoutes, milestoneRoutes } from './jobs/routes'
import { notFound } from './http/not-found'
import { onError } from './http/on-error'
import { meRoute } from './orgs/me-route'
import { organizationRoutes } from './orgs/organization-routes'
import { reviewQueueRoutes } from './propay/review-queue'
import { proPayRoutes } from './propay/routes'
import { bonusSettingsRoutes } from './propay/settings-routes'
import { lineItemRoutes } from './statements/line-item-routes'
import { statementRoutes } from './statements/routes'
import { materialRoutes, outboxRoutes, timeEntryRoutes } from './push/routes'
import { userRoutes } from './users/routes'

// Only the extension calls us from a browser; its background worker holds a host permission for the
// configured origin, and CORS covers a backend URL chosen later in the options page.
const extensionOrigin = (origin: string) => (/^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i.test(origin) ? origin : null)

const protectedApi = new Hono<AppEnv>()
  .use(requireAuth)
  .route('/me', meRoute)
  .route('/organization', organizationRoutes)
  .route('/users', userRoutes)
  .route('/employees', employeeRoutes)
  .route('/connections', connectionRoutes)
  .route('/propays', proPayRoutes)
  .route('/review-queue', reviewQueueRoutes)
  .route('/statements', statementRoutes)
  .route('/line-items', lineItemRoutes)
  .route('/jobs', jobRoutes)
  .route('/milestones', milestoneRoutes)
  .route('/bonus-settings', bonusSettingsRoutes)
  .route('/connections', outboxRoutes)
  .route('/time-entries', timeEntryRoutes)
  .route('/materials', materialRoutes)
  .route('/diagnostics', diagnosticsRoutes)

export const app = new Hono<AppEnv>()
  .use('*', cors({ origin: extensionOrigin, allowHeaders: ['authorization', 'content-type'], maxAge: 600 }))
  .route('/health', healthRoute)
  .route('/api/v1/auth', authRoutes)
  .route('/api/v1', protectedApi)

app.onError(onError)
app.notFound(notFound)

export type AppType = typeof app
