/**
 * The sentence the API gives when Buildertrend ended a connection's browser session (#14): nothing on our side can
 * renew it, the extension does when the admin opens buildertrend.net signed in. Only words to show: which connections
 * hold a browser session the connection view says itself (`credentialKind`). Shared so the extension's tests show
 * the sentence the worker gives.
 * @module
 */
export const BROWSER_SESSION_ENDED =
  'Your Buildertrend session has ended. Open buildertrend.net in Chrome (with the Protiv extension) signed in as this account; Protiv reconnects by itself.'
