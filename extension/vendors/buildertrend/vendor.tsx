/**
 * Buildertrend in the generic panel and popup: its name, connect choices (the signed-in session first on
 * buildertrend.net), status hint and advice; a password connection reconnects with a new password, an ended browser
 * session from the signed-in tab.
 * @module
 */
import type { VendorUi } from '../../ui/vendor-ui'
import { BuildertrendConnect } from './buildertrend-connect'
import { BuildertrendReconnect } from './buildertrend-reconnect'
import { buildertrendRelinkInTab } from './relink-in-tab'
import { BuildertrendSessionConnect } from './session-connect'
import { BuildertrendSessionRefresh } from './session-refresh'
import { buildertrendSite } from './site'

/** On buildertrend.net the signed-in session comes first; the password stays a second choice (and the only one off the site). */
function ConnectChoices({ onConnected, onSite }: { onConnected: Parameters<typeof BuildertrendConnect>[0]['onConnected']; onSite: boolean }) {
  if (!onSite) return <BuildertrendConnect onConnected={onConnected} />
  return (
    <>
      <BuildertrendSessionConnect onConnected={onConnected} />
      <details class="connect-alternative" data-testid="buildertrend-password-choice">
        <summary>Sign in with username and password</summary>
        <BuildertrendConnect onConnected={onConnected} />
      </details>
    </>
  )
}

export const buildertrendUi = {
  vendor: buildertrendSite.vendor,
  name: buildertrendSite.name,
  // The session is the site's own: offered in the panel on buildertrend.net, not in the popup or options page.
  ConnectForm: ({ page, onConnected }) => <ConnectChoices onConnected={onConnected} onSite={page?.host === 'buildertrend.net'} />,
  // On buildertrend.net an ended session is replaced by the one signed in there, by itself (#14).
  AutoReconnect: BuildertrendSessionRefresh,
  // A password connection: a new password, here or in the popup. An ended browser session: only buildertrend.net.
  Reconnect: BuildertrendReconnect,
  relinkInTab: buildertrendRelinkInTab,
  statusHint: 'Each sync re-reads the last weeks of time clock shifts, so edits and deletions in Buildertrend show up here too.',
  advice: {
    relinkNeeded:
      'Do what the message says at buildertrend.net first (sign in there yourself once if it asked for a check). The data already synced is kept.',
  },
} satisfies VendorUi<'buildertrend'>

// Test URLs: https://buildertrend.net/app/TimeClock, https://buildertrend.net/app/JobPage/<id>
