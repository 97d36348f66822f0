/**
 * Buildertrend, pull side. No public API covers this data (docs/vendors/buildertrend.md §1): we sign in with the
 * admin's website username and password and read the web app's own JSON endpoints. Nothing tells us what changed:
 * each sync re-reads the job list and a rolling window of shifts, and per-job reads only for jobs whose list entry
 * changed, all of them once a day (streams/job-changes.ts).
 * @module
 */
import type { Connector } from '../../sync/connector'
import { login } from './auth'
import { accountOf } from './account'
import { BuildertrendCredentials, BuildertrendSettings, isBrowserSession } from './settings'
import { budgetsStream } from './streams/budgets-stream'
import { jobsStream, milestonesStream } from './streams/jobs-stream'
import { timeClockStream } from './streams/time-clock-stream'

const DAILY = 'once a day (spread over the day: each job at its own time, a few jobs each sync)'
const JOBS_CADENCE = `Every sync: the job list, and the details of jobs that are new or changed in it; ${DAILY}: every job's details (a contract price edited alone).`
const BUDGETS_CADENCE = `Every sync: budgets of jobs that are new or changed in the job list; ${DAILY}: every job's budget and estimate, and budget lines removed.`

export const buildertrendConnector: Connector<BuildertrendCredentials, BuildertrendSettings> = {
  vendor: 'buildertrend',
  // The published integration syncs every 2 hours; the list and a window of shifts are cheap enough every 15 minutes.
  defaultFrequencySeconds: 900,
  credentialsSchema: BuildertrendCredentials,
  settingsSchema: BuildertrendSettings,
  // A password connection signs in again by itself and is reconnected anywhere; a browser session only from the
  // signed-in buildertrend.net tab (#14). Rows stored before `kind` existed are passwords (the kind is optional there).
  credentialKind: (c) => (isBrowserSession(c) ? 'browser_session' : 'password'),
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
  // What each stream re-reads when, for the connection status (README, "How syncing works"). Nothing runs hourly.
  streams: (settings) => [
    { ...jobsStream, cadence: JOBS_CADENCE },
    { ...milestonesStream, cadence: 'Every sync: the whole job list.' },
    { ...timeClockStream, cadence: `Every sync: shifts from ${settings.windowWeeks} week${settings.windowWeeks === 1 ? '' : 's'} before this week on.` },
    { ...budgetsStream, cadence: BUDGETS_CADENCE },
  ],
}
