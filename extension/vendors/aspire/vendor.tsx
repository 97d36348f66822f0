/**
 * Aspire in the generic panel and popup: its name, connect form (pointing at the API screen when the panel
 * sits on it), advice, and Reconnect, since Aspire credentials can be replaced on the same connection.
 * @module
 */
import type { VendorUi } from '../../ui/vendor-ui'
import { AspireConnect } from './aspire-connect'
import { AspireReconnect } from './aspire-reconnect'
import { aspireSite } from './site'

export const aspireUi = {
  vendor: aspireSite.vendor,
  name: aspireSite.name,
  ConnectForm: ({ onConnected, page }) => <AspireConnect onConnected={onConnected} onApiPage={page?.kind === 'api-admin'} />,
  advice: {
    relinkNeeded: 'Reconnect with a new Client ID and Secret (Aspire: Administration → Application → API). The data already synced is kept.',
    partial: 'It retries automatically. If it keeps happening, check that the API key in Aspire has every scope ticked.',
  },
  Reconnect: AspireReconnect,
} satisfies VendorUi<'aspire'>

// Test URLs: https://cloud.youraspire.com/app/admin/api, https://cloud.youraspire.com/app/work-tickets
