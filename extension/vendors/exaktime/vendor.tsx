/**
 * ExakTime in the generic panel and popup: its name, connect form (Company ID prefilled from the page's
 * subdomain), a reminder of what a forced sync can and cannot do, advice, and Reconnect with a new API key.
 * @module
 */
import type { VendorUi } from '../../ui/vendor-ui'
import { ExakTimeConnect } from './exaktime-connect'
import { ExakTimeReconnect } from './exaktime-reconnect'
import { exaktimeSite } from './site'

export const exaktimeUi = {
  vendor: exaktimeSite.vendor,
  name: exaktimeSite.name,
  ConnectForm: ({ onConnected, page }) => <ExakTimeConnect companyId={page?.account ?? null} onConnected={onConnected} />,
  statusHint: "Force sync re-reads ExakTime now. ExakTime's reporting data itself refreshes nightly, so time entered today arrives tomorrow.",
  advice: {
    relinkNeeded:
      "Check the API key in Arcoro's Hub (API keys), or create a new one, and reconnect with it; a read-only key is enough. The data already synced is kept.",
  },
  Reconnect: ExakTimeReconnect,
} satisfies VendorUi<'exaktime'>

// Test URLs: https://acme.exaktime.com/app/timecards, https://acme.exaktime.com/app/reports
