/**
 * The whole stack one e2e file runs against, so the file states only what it tests. Called once inside the file's
 * `describe`, it registers the beforeAll that starts a fresh worker on port 8799 (its own local D1, migrated, demo
 * seed) and the file's vendor sandboxes side by side, runs the file's `prepare` (tenants, connections, API state),
 * launches headless Chromium with the built extension, serves the vendor page fixtures at their real addresses and
 * signs the extension in through its options page; and the afterAll that closes the browser, stops the worker and
 * closes the sandboxes, whatever of it had started.
 * @module
 */
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { DEMO } from '../../tools/dev/demo'
import type { WorkerProcess } from '../../tools/dev/local-stack'
import { type ApiInit, apiClient } from './api'
import { type AspireFixtureBackend, serveAspireFixtures } from './aspire-fixtures'
import { launchWithExtension } from './browser'
import { apiToken, signInThroughOptions } from './sign-in'
import { BUILDERTREND_FIXTURE_ROUTES, EXAKTIME_FIXTURE_ROUTES, serveVendorFixtures } from './vendor-fixtures'
import { startE2eWorker } from './worker'

interface Closable {
  close(): Promise<void>
}
/** Each sandbox the file needs, by the name the stack gives it (`stack.aspire`, …), and how to start it. */
export type SandboxStarters = Record<string, () => Promise<Closable>>
type Started<S extends SandboxStarters> = { readonly [K in keyof S]: Awaited<ReturnType<S[K]>> }

/** The vendor sites whose page fixtures Chromium gets; ExakTime's is the `acme` company's, as every tenant here is. */
export type VendorSite = 'aspire' | 'buildertrend' | 'exaktime'

export interface E2eStackOptions<S extends SandboxStarters> {
  /** Started beside the worker, in parallel with it; each is closed at the end. */
  sandboxes?: S
  /** Runs once the worker and the sandboxes answer, before the browser starts: tenants, connections, API state. */
  prepare?: (stack: E2eStack<S>) => Promise<void>
  sites?: VendorSite[]
  /** What the Aspire fixtures' own buttons do (the work ticket's Complete). */
  aspireBackend?: AspireFixtureBackend
  /** Who the extension is signed in as, through its options page: the demo admin unless told; `false` for nobody. */
  signIn?: { email: string; password: string } | false
}

interface StackCore {
  readonly worker: WorkerProcess
  /** The browser profile with the extension loaded (there from after `prepare` on). */
  readonly context: BrowserContext
  readonly extensionId: string
  /** The demo admin's bearer token, asked for once on first use. */
  adminToken(): Promise<string>
  /** The worker's API, as the demo admin unless `init.token` says otherwise; throws on anything but 2xx. */
  api<T>(path: string, init?: ApiInit): Promise<T>
}
export type E2eStack<S extends SandboxStarters = Record<never, never>> = StackCore & Started<S>

const SITES: Record<VendorSite, (context: BrowserContext, aspireBackend?: AspireFixtureBackend) => Promise<void>> = {
  aspire: (context, aspireBackend) => serveAspireFixtures(context, aspireBackend),
  buildertrend: (context) => serveVendorFixtures(context, 'buildertrend.net', BUILDERTREND_FIXTURE_ROUTES),
  exaktime: (context) => serveVendorFixtures(context, 'acme.exaktime.com', EXAKTIME_FIXTURE_ROUTES),
}

export function e2eStack<S extends SandboxStarters = Record<never, never>>(options: E2eStackOptions<S> = {}): E2eStack<S> {
  let worker: WorkerProcess | undefined
  let browser: { context: BrowserContext; extensionId: string } | undefined
  const sandboxes = new Map<string, Closable>()
  let token: Promise<string> | undefined

  // Read before its beforeAll got that far (a failed start, or `context` inside `prepare`): say which part is missing.
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the e2e stack's ${what} is not up (yet): see the beforeAll's error, or the order in e2e-stack.ts`)
    return value
  }
  const core: StackCore = {
    get worker() {
      return need(worker, 'worker')
    },
    get context() {
      return need(browser, 'browser').context
    },
    get extensionId() {
      return need(browser, 'browser').extensionId
    },
    adminToken() {
      token ??= apiToken(core.worker.url, DEMO.email, DEMO.password).catch((err: unknown) => {
        token = undefined
        throw err
      })
      return token
    },
    api: apiClient(() => core.worker.url, () => core.adminToken()),
  }
  const stack = core as E2eStack<S>
  const starters = Object.entries(options.sandboxes ?? {})
  for (const [name] of starters) {
    if (name in core) throw new Error(`a sandbox cannot be named "${name}": the e2e stack has a ${name} of its own`)
    Object.defineProperty(stack, name, { enumerable: true, get: () => need(sandboxes.get(name), `${name} sandbox`) })
  }

  beforeAll(async () => {
    // Settled one by one, so that what did start is closed by the afterAll even when another part failed.
    const results = await Promise.allSettled([
      startE2eWorker().then((w) => void (worker = w)),
      ...starters.map(([name, start]) => start().then((s) => void sandboxes.set(name, s))),
    ])
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    if (failed) throw failed.reason
    await options.prepare?.(stack)
    browser = await launchWithExtension()
    for (const site of options.sites ?? []) await SITES[site](browser.context, options.aspireBackend)
    const signIn = options.signIn ?? DEMO
    if (signIn) await signInThroughOptions(browser.context, browser.extensionId, core.worker.url, signIn.email, signIn.password)
  })

  afterAll(async () => {
    await browser?.context.close()
    await worker?.stop()
    await Promise.all([...sandboxes.values()].map((s) => s.close()))
  })

  return stack
}
