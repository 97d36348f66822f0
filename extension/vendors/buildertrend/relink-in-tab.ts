/**
 * Which Buildertrend connections only the admin's signed-in buildertrend.net tab can relink: those holding a browser
 * session (#14), as the connection view says (`credentialKind`). A password connection (even one Buildertrend asked to
 * sign in again) is relinked with a new password anywhere.
 * @module
 */
import type { ConnectionView } from '../../../shared/api/connections'
import type { RelinkInTab } from '../../ui/vendor-ui'

export const BT_SIGN_IN_URL = 'https://buildertrend.net/'
export const WHY_SIGNED_IN_TAB =
  'This connection uses the Buildertrend session of this browser, which Buildertrend ended. Sign in at buildertrend.net in this browser: the Protiv panel there reconnects by itself.'

export const buildertrendRelinkInTab = (c: ConnectionView): RelinkInTab | null =>
  c.credentialKind === 'browser_session' ? { url: BT_SIGN_IN_URL, siteName: 'buildertrend.net', why: WHY_SIGNED_IN_TAB } : null
