/**
 * Buildertrend in the generic panel and popup: its name, connect form, status hint and advice. No
 * Reconnect: a refused sign-in is fixed at buildertrend.net itself, then the next sync retries.
 * @module
 */
import type { VendorUi } from '../../ui/vendor-ui'
import { BuildertrendConnect } from './buildertrend-connect'
import { buildertrendSite } from './site'

export const buildertrendUi = {
  vendor: buildertrendSite.vendor,
  name: buildertrendSite.name,
  ConnectForm: ({ onConnected }) => <BuildertrendConnect onConnected={onConnected} />,
  statusHint: 'Each sync re-reads the last weeks of time clock shifts, so edits and deletions in Buildertrend show up here too.',
  advice: {
    relinkNeeded:
      'Do what the message says at buildertrend.net first (sign in there yourself once if it asked for a check). The data already synced is kept.',
  },
} satisfies VendorUi<'buildertrend'>

// Test URLs: https://buildertrend.net/app/TimeClock, https://buildertrend.net/app/JobPage/<id>
