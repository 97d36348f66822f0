/**
 * What the generic panel, popup and options need from a vendor: one object per vendor, in
 * `extension/vendors/<vendor>/vendor.tsx`, collected in `extension/vendors/registry.ts`. The generic UI
 * looks vendors up there and never names one itself.
 * @module
 */
import type { ComponentType } from 'preact'
import type { ConnectionView, Vendor } from '../../shared/api/connections'
import type { PageContext } from './panel/page-context'

export interface ConnectFormProps {
  /** Called with the connection the API created. */
  onConnected: (connection: ConnectionView) => void
  /** The vendor screen the panel sits on (null off a vendor page), for forms that adapt to it. */
  page: PageContext | null
}

export interface ReconnectFormProps {
  connectionId: string
  /** The vendor screen the panel sits on (null off a vendor page), e.g. to prefill the account it names. */
  page: PageContext | null
  /** Called with the connection after the API accepted the new credentials. */
  onReconnected: (connection: ConnectionView) => void
}

/** Where and why a connection is relinked in the vendor's own signed-in tab rather than with a form. */
export interface RelinkInTab {
  /** The vendor's site, opened in a new tab. */
  url: string
  /** As people know the site: "buildertrend.net". */
  siteName: string
  /** Why a form cannot do it, and what happens there, in a sentence. */
  why: string
}

export interface VendorUi<V extends Vendor = Vendor> {
  vendor: V
  /** As people know the product: "Aspire", "ExakTime". */
  name: string
  /** The admin's connect form, shown in the panel while the organisation has no connection to the vendor. */
  ConnectForm: ComponentType<ConnectFormProps>
  /** Shown under each connection's status: what is special about syncing this vendor. */
  statusHint?: string
  /** What to do, shown under a connection's last error. */
  advice: {
    /** The vendor stopped accepting the stored credentials. */
    relinkNeeded: string
    /** The last run read some data but not all; without it, the generic advice (the message says what to check). */
    partial?: string
  }
  /**
   * Replacing the stored credentials of an existing connection (same connection, same data), offered to
   * admins when the connection needs relinking. Vendors without it are reconnected the way their advice says.
   */
  Reconnect?: ComponentType<ReconnectFormProps>
  /**
   * For a connection only the vendor's own signed-in tab can relink (a Buildertrend browser session), where and why;
   * null for the others. Such a connection gets no Reconnect form: the popup opens the site instead.
   */
  relinkInTab?: (connection: ConnectionView) => RelinkInTab | null
  /**
   * Shown to admins, without a click, while the connection needs relinking: a vendor whose session the browser
   * itself can renew does so here (Buildertrend on buildertrend.net).
   */
  AutoReconnect?: ComponentType<ReconnectFormProps>
}
