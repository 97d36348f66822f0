/**
 * `POST /api/TimeClock/Grid?gridType=29`: shifts of the given jobs (General ones with
 * `includeGeneralJobItems`), the date filter applied to the shift date unless a saved view swallows it, sorted by
 * the numeric `sortColumn` (docs/vendors/buildertrend.md §16.7).
 * @module
 */
import { Hono } from 'hono'
import type { BtShift } from '../tenant/shapes'
import { envelope, failure } from './envelope'
import { GridError, pageOf, readGridRequest, type GridRequest } from './grid-request'
import type { BtEnv } from './types'

/** A hostile tenant's shift may have no date at all. */
const stampOf = (s: BtShift) => s.date?.date ?? ''
const dayOf = (s: BtShift) => stampOf(s).slice(0, 10)

/**
 * Column `'1'` is what the web app sorts the Time Clock by (BOS-TC l.266), read as the shift date (*assumed*: no
 * source names the columns). Any other id leaves the rows in id order, as an unknown sort would.
 */
const SORT_BY_DATE = '1'

function select(shifts: Iterable<BtShift>, request: GridRequest, blockRanges: boolean): BtShift[] {
  const jobs = new Set(request.jobIds)
  // An empty job list yields nothing, General included (docs/vendors/buildertrend.md §4).
  if (!jobs.size) return []
  const { range } = request
  if (range && blockRanges) return []
  const rows = [...shifts].filter((s) => {
    if (s.jobId === null ? !request.includeGeneral : !jobs.has(s.jobId)) return false
    const day = dayOf(s)
    return !range || ((!range.start || day >= range.start) && (!range.end || day <= range.end))
  })
  const byDate = request.sortColumn === SORT_BY_DATE
  rows.sort((a, b) => (byDate ? stampOf(a).localeCompare(stampOf(b)) : 0) || a.id - b.id)
  return request.descending ? rows.reverse() : rows
}

export const timeClockRoutes = new Hono<BtEnv>().post('/api/TimeClock/Grid', async (c) => {
  const tenant = c.get('tenant')
  if (c.req.query('gridType') !== '29') return c.json(failure('Unknown grid type.'), 400)
  if (tenant.faults.unusedModules.includes('TimeClock')) return c.json({ Message: 'An error has occurred.' }, 500)
  try {
    const request = readGridRequest((await c.req.json()) as Record<string, unknown>)
    return c.json(envelope(pageOf(select(tenant.shifts.values(), request, tenant.faults.savedViewBlocksDateRange), request)))
  } catch (err) {
    if (err instanceof GridError || err instanceof SyntaxError) return c.json(failure(err.message), 400)
    throw err
  }
})
