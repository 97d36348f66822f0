/**
 * Serves the Buildertrend and ExakTime page fixtures at the vendors' real addresses (any path of the host
 * gets the fixture its pattern names), so the manifest's real match patterns apply.
 * @module
 */
import path from 'node:path'
import type { BrowserContext } from 'playwright-core'

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures')

/** buildertrend.net screens → fixtures: a job page, and the Time Clock for everything else. */
export const BUILDERTREND_FIXTURE_ROUTES: ReadonlyArray<[RegExp, string]> = [
  [/^\/app\/job(?:s|page)?\/\d+/i, 'buildertrend/job.html'],
  [/.*/, 'buildertrend/time-clock.html'],
]

/** {company}.exaktime.com screens → fixtures: the sign-in page, and time cards for everything else. */
export const EXAKTIME_FIXTURE_ROUTES: ReadonlyArray<[RegExp, string]> = [
  [/^\/(?:account\/)?login\/?$/i, 'exaktime/sign-in.html'],
  [/.*/, 'exaktime/time-cards.html'],
]

/** Routes `https://{host}/**`: the first path pattern that matches picks the fixture file (under `e2e/fixtures/`). */
export async function serveVendorFixtures(context: BrowserContext, host: string, routes: ReadonlyArray<[RegExp, string]>) {
  await context.route(`https://${host}/**`, (route) => {
    const { pathname } = new URL(route.request().url())
    const file = routes.find(([pattern]) => pattern.test(pathname))?.[1]
    if (!file) return route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: `<h1>No fixture for ${pathname}</h1>` })
    return route.fulfill({ path: path.join(FIXTURES, file), contentType: 'text/html; charset=utf-8' })
  })
}

/** POSTs (or another verb) to a sandbox's control API; throws with the answer when it is not 2xx. */
export async function sandboxControl(url: string, pathname: string, body?: unknown, method = 'POST'): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/__control${pathname}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`sandbox control ${method} ${pathname} answered ${res.status}: ${await res.text()}`)
  return res.status === 204 ? {} : ((await res.json()) as Record<string, unknown>)
}
