/**
 * The Buildertrend section of the panel: the generic connection section with the Buildertrend connect form.
 * @module
 */
import type { SignedInState } from '../../messaging/protocol'
import { BuildertrendConnect } from './buildertrend-connect'
import { VendorConnection } from '../../ui/panel/features/vendor-connection'

export function BuildertrendConnection({ auth }: { auth: SignedInState }) {
  return (
    <VendorConnection
      auth={auth}
      vendor="buildertrend"
      vendorName="Buildertrend"
      connectForm={(onConnected) => <BuildertrendConnect onConnected={onConnected} />}
      statusHint="Each sync re-reads the last weeks of time clock shifts, so edits and deletions in Buildertrend show up here too."
    />
  )
}

// Test URLs: https://buildertrend.net/app/TimeClock, https://buildertrend.net/app/JobPage/<id>
