/**
 * ExakTime (Arcoro), pull side, through an Arcoro API key (docs/vendors/exaktime.md §12.5: the only way in any public
 * source shows; ExakTime has no username/password API). Reference data from REST `/v1`, time from the OData
 * warehouse. Every 15 minutes by default: the warehouse behind time refreshes only nightly, so polling faster
 * would re-read the same snapshot; each cycle re-reads only what can still change, the rest hourly or daily (cadence.ts).
 * @module
 */
import type { Connector } from '../../sync/connector'
import { VendorError } from '../../sync/vendor-error'
import { exaktimeCadence } from './cadence'
import { odata, restPage } from './client'
import { requireApiKey } from './key-flow'
import { ExakTimeCredentials, ExakTimeSettings } from './settings'
import { exaktimeStreams } from './streams'
import { DW_SETS } from './types'

export const exaktimeConnector: Connector<ExakTimeCredentials, ExakTimeSettings> = {
  vendor: 'exaktime',
  defaultFrequencySeconds: 900,
  credentialsSchema: ExakTimeCredentials,
  settingsSchema: ExakTimeSettings,
  // The only kind it takes: a row stored with a username and password (before keys) is reconnected with a key too.
  credentialKind: () => 'api_key',
  // The Company ID is not secret: it is the address people open ExakTime at, and messages name it. A connection
  // stored with a username and password (before keys were the only way in) still has them scrubbed from messages.
  secrets: (c) => {
    const stored = c as Partial<Record<'apiKey' | 'username' | 'password', unknown>>
    return [stored.apiKey, stored.username, stored.password].filter((s): s is string => typeof s === 'string' && s !== '')
  },
  async verify(ctx) {
    requireApiKey(ctx.credentials)
    // Reading proves the key works and may read what a sync needs (the key flow itself: key-flow.ts). The time
    // set is read whole, one row, no $select: the check depends on the set's name and nothing else (§13 C5).
    await restPage(ctx, '/v1/Common/Persons/Employees', 1, 1, 'Employees')
    await odata(ctx, DW_SETS.time, { top: 1 })
    if (ctx.settings.jobSource === 'job') {
      const jobs = await restPage(ctx, '/v1/Time/Jobs', 1, 1, 'Jobs')
      const locations = await restPage(ctx, '/v1/Common/Locations', 1, 1, 'Locations')
      if (!jobs.data.length && locations.data.length) {
        throw new VendorError('needs_human', 'This ExakTime company has Locations but no Jobs. Set the job source to "Location", or create Jobs in ExakTime first.')
      }
    }
    return { accountLabel: `ExakTime ${ctx.credentials.companyId} (API key …${ctx.credentials.apiKey.slice(-4)})` }
  },
  // README "ExakTime, by cadence": what each cycle re-reads, what only hourly or daily (cadence.ts).
  streams: (settings) => {
    const cadence = exaktimeCadence(settings)
    return exaktimeStreams().map((stream) => ({ ...stream, cadence: cadence[stream.name] }))
  },
}
