/**
 * Which Buildertrend connections only the admin's signed-in buildertrend.net tab can relink: those whose browser
 * session Buildertrend ended (#14). A password connection (even one Buildertrend asked to sign in again) is relinked
 * with a new password anywhere. The API keeps the kind of credentials to itself; the sentence it gives for an ended
 * browser session is what tells them apart (shared with the worker, so a reworded sentence cannot drift).
 * @module
 */
import type { ConnectionView } from '../../../shared/api/connections'
import { BROWSER_SESSION_ENDED, SESSION_ENDED_CODE } from '../../../shared/vendor-contracts/buildertrend/session-ended'
import type { RelinkInTab } from '../../ui/vendor-ui'

export const BT_SIGN_IN_URL = 'https://buildertrend.net/'
export const WHY_SIGNED_IN_TAB =
  'This connection uses the Buildertrend session of this browser, which Buildertrend ended. Sign in at buildertrend.net in this browser: the Protiv panel there reconnects by itself.'

export const isBrowserSessionEnded = (c: ConnectionView) => c.lastError?.code === SESSION_ENDED_CODE && c.lastError.message === BROWSER_SESSION_ENDED

export const buildertrendRelinkInTab = (c: ConnectionView): RelinkInTab | null =>
  isBrowserSessionEnded(c) ? { url: BT_SIGN_IN_URL, siteName: 'buildertrend.net', why: WHY_SIGNED_IN_TAB } : null
