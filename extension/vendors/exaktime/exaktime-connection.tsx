/**
 * The ExakTime section of the panel: the generic connection section with the ExakTime connect form, the
 * Company ID prefilled from the page's subdomain, and a reminder of what a forced sync can and cannot do.
 * @module
 */
import type { SignedInState } from '../../messaging/protocol'
import { ExakTimeConnect } from './exaktime-connect'
import { VendorConnection } from '../../ui/panel/features/vendor-connection'

export function ExakTimeConnection({ auth, companyId }: { auth: SignedInState; companyId: string | null }) {
  return (
    <VendorConnection
      auth={auth}
      vendor="exaktime"
      vendorName="ExakTime"
      connectForm={(onConnected) => <ExakTimeConnect companyId={companyId} onConnected={onConnected} />}
      statusHint="Force sync re-reads ExakTime now. ExakTime's reporting data itself refreshes nightly, so time entered today arrives tomorrow."
    />
  )
}

// Test URLs: https://acme.exaktime.com/app/timecards, https://acme.exaktime.com/app/reports
