/**
 * ExakTime (Arcoro), pull side. One adapter, two ways in (docs/vendors/exaktime.md §2): an Arcoro API key, or the
 * ExakTime Connect sign-in (Company ID, username, password); both read the same REST lists and warehouse.
 * Every 15 minutes by default: the warehouse behind time refreshes only nightly, so polling faster would
 * re-read the same snapshot.
 * @module
 */
import type { Connector } from '../../sync/connector'
import { VendorError } from '../../sync/vendor-error'
import { session } from './auth'
import { odata, restPage } from './client'
import { ExakTimeCredentials, ExakTimeSettings, usesApiKey } from './settings'
import { exaktimeStreams } from './streams'

export const exaktimeConnector: Connector<ExakTimeCredentials, ExakTimeSettings> = {
  vendor: 'exaktime',
  defaultFrequencySeconds: 900,
  credentialsSchema: ExakTimeCredentials,
  settingsSchema: ExakTimeSettings,
  // The Company ID is not secret: it is the address people open ExakTime at, and messages name it.
  secrets: (c) => (usesApiKey(c) ? [c.apiKey] : [c.username, c.password]),
  async verify(ctx) {
    const c = ctx.credentials
    if (!usesApiKey(c)) await session(ctx.http, ctx.settings, c, ctx.now, true)
    // Reading proves more than signing in: the key may lack access to employees or to the warehouse.
    await restPage(ctx, '/v1/Common/Persons/Employees', 1, 1, 'Employees')
    await odata(ctx, 'DwTimeRecords', { select: 'TimeRecordId', top: 1 })
    if (ctx.settings.jobSource === 'job') {
      const jobs = await restPage(ctx, '/v1/Time/Jobs', 1, 1, 'Jobs')
      const locations = await restPage(ctx, '/v1/Common/Locations', 1, 1, 'Locations')
      if (!jobs.data.length && locations.data.length) {
        throw new VendorError('needs_human', 'This ExakTime company has Locations but no Jobs. Set the job source to "Location", or create Jobs in ExakTime first.')
      }
    }
    // The username is a credential (secrets above): the label names the company and the way in, never the login.
    return { accountLabel: usesApiKey(c) ? `ExakTime API key …${c.apiKey.slice(-4)}` : `ExakTime ${c.companyId} (sign-in)` }
  },
  streams: () => exaktimeStreams(),
}
