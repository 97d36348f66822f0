/**
 * `/api/v1/diagnostics` (#15): the extension reports selector misses (any signed-in member: whoever's page missed);
 * admins read them with the connections' state. Every query is the caller's org.
 * @module
 */
import { Hono } from 'hono'
import { SelectorMissReport } from '../../shared/api/diagnostics'
import type { AppEnv } from '../env'
import { ApiError } from '../http/api-error'
import { json } from '../http/validate'
import { loadDiagnostics } from './load-diagnostics'
import { recordMisses } from './record-misses'
import { spendReport } from './report-budget'

export const diagnosticsRoutes = new Hono<AppEnv>()
  .post('/selector-misses', json(SelectorMissReport), async (c) => {
    const { orgId } = c.get('auth')
    const report = c.req.valid('json')
    const waitSeconds = await spendReport(c.env.DB, orgId)
    if (waitSeconds !== null) {
      throw new ApiError('rate_limited', `Your organisation has sent many selector-miss reports in the last few minutes; those already counted are kept. Send again in ${waitSeconds} s.`, undefined, {
        'Retry-After': String(waitSeconds),
      })
    }
    const recorded = await recordMisses(c.env.DB, orgId, report.extensionVersion, report.misses)
    return c.json({ recorded }, 200)
  })
  .get('/', async (c) => {
    const { orgId, role } = c.get('auth')
    // Named, not requireRole's generic sentence: a manager who opens the options page should know whom to ask.
    if (role !== 'admin') throw new ApiError('forbidden', 'Only an admin of your organisation can see diagnostics. Ask an admin to open Diagnostics on the Protiv Connect options page.')
    return c.json(await loadDiagnostics(c.env.DB, orgId), 200)
  })
