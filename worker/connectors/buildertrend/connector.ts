/**
 * Buildertrend, pull side. No public API covers this data (docs/vendors/buildertrend.md §1): we sign in with the
 * admin's website username and password and read the web app's own JSON endpoints, re-reading a rolling window each
 * sync because nothing tells us what changed.
 * @module
 */
import type { Connector } from '../../sync/connector'
import { login } from './auth'
import { accountOf } from './account'
import { BuildertrendCredentials, BuildertrendSettings, isBrowserSession } from './settings'
import { budgetsStream } from './streams/budgets-stream'
import { jobsStream, milestonesStream } from './streams/jobs-stream'
import { timeClockStream } from './streams/time-clock-stream'

export const buildertrendConnector: Connector<BuildertrendCredentials, BuildertrendSettings> = {
  vendor: 'buildertrend',
  // The published integration syncs every 2 hours; a whole window is cheap enough every 15 minutes.
  defaultFrequencySeconds: 900,
  credentialsSchema: BuildertrendCredentials,
  settingsSchema: BuildertrendSettings,
  secrets: (c) => (isBrowserSession(c) ? c.cookies.map((cookie) => cookie.value) : [c.username, c.password]),
  // A reconnect (a refreshed browser session above all) must be the same company, never another one (#14).
  otherAccountOnReconnect: (theirs, ours) =>
    `This browser is signed in to a different Buildertrend company (${theirs}) than this connection (${ours}). Sign in to Buildertrend as a user of ${ours} and try again, or connect the other company as a new connection.`,
  async verify(ctx) {
    // A real sign-in (never a cached session; a browser session as it is), then the cheapest read that proves it works.
    await login(ctx.http, ctx.settings, ctx.credentials)
    const account = await accountOf(ctx)
    return { accountLabel: account.label, accountId: String(account.builderId) }
  },
  streams: () => [jobsStream, milestonesStream, timeClockStream, budgetsStream],
}
