/**
 * The `/api/...` envelope (`{success, message, needsToRelogin, sessionJobInfo, data, metadata, forcedUpgrade}`)
 * and the HTML pages Buildertrend answers with when it will not serve JSON.
 * @module
 */

export const envelope = (data: unknown, metadata: unknown = null) => ({ success: true, message: null, needsToRelogin: false, sessionJobInfo: null, data, metadata, forcedUpgrade: false })

export const failure = (message: string, needsToRelogin = false) => ({ success: false, message, needsToRelogin, sessionJobInfo: null, data: null, metadata: null, forcedUpgrade: false })

export const LOGIN_PAGE_HTML = `<!DOCTYPE html><html><head><title>Log In | Buildertrend</title></head><body><form action="/u/login" method="post"><input name="username"><input name="password" type="password"><button>Continue</button></form></body></html>`

export const CHALLENGE_HTML = `<!DOCTYPE html><html><head><title>Verify you are human</title></head><body><div class="captcha-container">Please complete the security check to continue.</div></body></html>`
