/**
 * The sentence the API gives when Buildertrend ended a connection's browser session (#14). Shared because it is also
 * how the extension tells such a connection (only the admin's signed-in buildertrend.net tab can bring it back) from
 * a password one (an admin can type a new password anywhere): the API does not say which credentials it keeps.
 * @module
 */
export const BROWSER_SESSION_ENDED =
  'Your Buildertrend session has ended. Open buildertrend.net in Chrome (with the Protiv extension) signed in as this account; Protiv reconnects by itself.'

/** The error code the connection carries then (a password connection can carry it too, with another sentence). */
export const SESSION_ENDED_CODE = 'session_expired'
