/**
 * One seeded chaos run: a vendor tenant is synced over several cron cycles while the network misbehaves,
 * the vendor's data changes underneath, sessions end, our API queues writes back to the vendor, and the
 * isolate dies at a random D1 call. Then the faults stop, the engine is left to converge, and our tables
 * are compared with the vendor's own records and with a clean sync of the same data.
 * @module
 */
import { env } from 'cloudflare:workers'
import { inject, vi } from 'vitest'
import type { Env } from '../../worker/env'
import { captureQueue } from '../test/aspire-sandbox'
import { call, orgWithAdmin } from '../test/fixtures'
import { fanOutDueSyncs } from '../../worker/sync/fan-out'
import { LEASE_MS } from '../../worker/sync/lease'
import type { SyncMessage } from '../../worker/sync/queue-messages'
import { runSyncStep, type StepOptions } from '../../worker/sync/run-step'
import { compareConnections } from './compare-connections'
import { compareProPays } from './compare-propays'
import { dyingD1, isIsolateDeath, type DeathPlan } from './dying-d1'
import { type FaultLog, type FaultPlan, faultyFetch } from './fault-fetch'
import { createRng, type Rng } from './rng'
import type { ChaosVendor } from './scenario'
import { aspireChaos } from '../../worker/connectors/aspire/chaos-scenario'
import { buildertrendChaos } from '../../worker/connectors/buildertrend/chaos-scenario'
import { exaktimeChaos } from '../../worker/connectors/exaktime/chaos-scenario'

export const CHAOS_VENDORS: readonly ChaosVendor[] = [aspireChaos, buildertrendChaos, exaktimeChaos]

/** Which vendor a seed exercises: round-robin, so any range of seeds covers all three. */
export const vendorOfSeed = (seed: number) => CHAOS_VENDORS[seed % CHAOS_VENDORS.length]!.vendor

export interface ChaosOutcome {
  seed: number
  vendor: string
  /** The tenant's kind, where a vendor has several (how it is connected, which transport). */
  variant?: string
  problems: string[]
  cycles: number
  crashes: number
  /** Vendor-side changes between cycles (mid-request ones are counted as `mutate` faults). */
  mutations: number
  sessionsEnded: number
  pushes: number
  /** Ended browser sessions the admin's Chrome refreshed (the extension's automatic reconnect). */
  revisits: number
  /** ProPays of the clean sync checked against ours. */
  propays: number
  log: FaultLog
}

/** Short waits and timeouts: the faults are real, the clock need not be. */
const stepOptions = (now: () => number): StepOptions => ({ now, http: { baseDelayMs: 1, maxInlineWaitMs: 50, timeoutMs: 250 } })
const MAX_STEPS_PER_CYCLE = 2000

type View = { status: string; statusText?: string }

/** Runs the queue like the consumer does, until it is empty or the isolate dies. Returns whether it died. */
async function consume(queue: SyncMessage[], stepEnv: Env, now: () => number): Promise<boolean> {
  let steps = 0
  while (queue.length) {
    const message = queue.shift()!
    for (;;) {
      if (++steps > MAX_STEPS_PER_CYCLE) throw new Error('a sync did not finish within 2,000 steps')
      try {
        const result = await runSyncStep(stepEnv, message, stepOptions(now))
        if (result.next !== 'continue') break
      } catch (err) {
        if (isIsolateDeath(err)) {
          // The message and whatever the isolate held are gone; only the lease's expiry brings the run back.
          queue.length = 0
          return true
        }
        throw err
      }
    }
  }
  return false
}

/** An organisation whose bonus program is on, so completed work gets ProPays automatically. */
async function orgWithBonusProgram() {
  const org = await orgWithAdmin()
  const res = await call('/api/v1/bonus-settings', { method: 'PATCH', token: org.token, json: { launchDate: '2000-01-01' } })
  if (res.status !== 200) throw new Error(`bonus settings answered ${res.status}: ${await res.text()}`)
  return org
}

export async function runChaos(seed: number): Promise<ChaosOutcome> {
  const rng = createRng(seed)
  const scenario = CHAOS_VENDORS.find((v) => v.vendor === vendorOfSeed(seed))!
  const outcome: ChaosOutcome = { seed, vendor: scenario.vendor, problems: [], cycles: 0, crashes: 0, mutations: 0, sessionsEnded: 0, pushes: 0, revisits: 0, propays: 0, log: { requests: 0, faults: {} } }
  const sandboxes = inject('sandboxes')
  const origins = Object.values(sandboxes).filter((u): u is string => !!u).map((u) => new URL(u).origin)
  let plan: FaultPlan | null = null
  const realFetch = globalThis.fetch
  const queue = captureQueue()
  vi.spyOn(globalThis, 'fetch').mockImplementation(faultyFetch(realFetch, origins, rng.fork('network'), () => plan, outcome.log))

  const tenant = await scenario.createTenant(rng.fork('tenant'))
  outcome.variant = tenant.variant
  // The tenant's way of running steps (e.g. through the browser transport), under faults and when calm alike.
  const calmEnv = { ...env, ...tenant.env } as Env
  const revisit = async (token: string, connectionId: string) => {
    if (tenant.revisit && (await tenant.revisit(token, connectionId))) outcome.revisits++
  }
  try {
    const { token } = await orgWithBonusProgram()
    const connectionId = await tenant.connect(token)
    const events = rng.fork('events')
    const mutationRng = rng.fork('mutations')
    let now = Date.now()
    let crashedLastCycle = false
    const cycles = events.int(2, 5)

    for (let cycle = 0; cycle < cycles; cycle++) {
      outcome.cycles++
      if (cycle > 0) {
        for (let i = events.int(0, 2); i > 0; i--, outcome.mutations++) await tenant.mutate(mutationRng)
        if (events.chance(0.3)) {
          await tenant.expireSession(events)
          outcome.sessionsEnded++
        }
        if (tenant.push) for (let i = events.int(0, 3); i > 0; i--) if (await tenant.push.create(events, token, connectionId)) outcome.pushes++
        // Some days the admin opens the vendor's site; some not.
        if (events.chance(0.5)) await revisit(token, connectionId)
        now += scenario.frequencyMs + 1000 + (crashedLastCycle ? LEASE_MS : 0)
      }
      plan = { rate: events.int(2, 15) / 100, kinds: scenario.faults, mutate: () => tenant.mutate(mutationRng) }
      const death: DeathPlan = events.chance(0.6) ? { atCall: events.int(1, 150), when: events.pick(['before', 'after']) } : { atCall: null, when: 'before' }
      const dying = dyingD1(env.DB, death)
      const stepEnv = { ...calmEnv, DB: dying.db } as Env
      const at = () => now
      try {
        if (cycle > 0) await fanOutDueSyncs(stepEnv, now)
        crashedLastCycle = await consume(queue, stepEnv, at)
      } catch (err) {
        if (!isIsolateDeath(err)) throw err
        queue.length = 0
        crashedLastCycle = true
      }
      if (crashedLastCycle) outcome.crashes++
    }

    // The storm passes: no faults, no crashes. The engine must now converge on its own schedule.
    plan = null
    let view: View | null = null
    // Converged = two runs in a row end ok: the first may only finish a pass begun during the storm (its early pages
    // read before later vendor edits); the second reads everything afresh. A relink the admin fixes costs a cycle. The
    // first calm cycle also waits out the vendor's slowest cadence (Buildertrend's daily full pass, Aspire's hourly
    // presence pass), so the oracle holds the engine to what its schedule promises.
    let oksInARow = 0
    for (let settle = 0; settle < 8; settle++) {
      now += scenario.frequencyMs + LEASE_MS + 1000 + (settle === 0 ? (scenario.slowestCadenceMs ?? 0) : 0)
      // An ended browser session waits for the admin: in the calm, they open the vendor's site.
      await revisit(token, connectionId)
      await fanOutDueSyncs(calmEnv, now)
      await consume(queue, calmEnv, () => now)
      view = (await (await call(`/api/v1/connections/${connectionId}`, { token })).json()) as View
      oksInARow = view.status === 'ok' ? oksInARow + 1 : 0
      if (oksInARow >= 2) break
    }
    if (view?.status !== 'ok') outcome.problems.push(`the connection did not converge: ${view?.status} (${view?.statusText ?? ''})`)

    // The oracle: a clean sync of the same vendor data into another organisation.
    const reference = await orgWithBonusProgram()
    const referenceId = await tenant.connect(reference.token)
    await consume(queue, env, Date.now)
    const referenceView = (await (await call(`/api/v1/connections/${referenceId}`, { token: reference.token })).json()) as View
    if (referenceView.status !== 'ok') outcome.problems.push(`the reference sync ended ${referenceView.status}: ${referenceView.statusText ?? ''}`)

    const diff = await compareConnections(env.DB, connectionId, referenceId, scenario.learnedTables)
    outcome.problems.push(...diff.map((d) => `${d.table}: ${d.kind} ${d.externalId}${d.detail ? ` (${d.detail})` : ''}`))
    const propays = await compareProPays(env.DB, connectionId, referenceId)
    outcome.problems.push(...propays.problems)
    outcome.propays = propays.compared
    outcome.problems.push(...(await tenant.checkTruth(connectionId)))
    if (tenant.push) outcome.problems.push(...(await tenant.push.check(token, connectionId)))
    return outcome
  } finally {
    plan = null
    vi.restoreAllMocks()
    await tenant.remove().catch(() => undefined)
  }
}

export function describeOutcome(o: ChaosOutcome): string {
  const faults = Object.entries(o.log.faults).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'
  return `seed ${o.seed} (${o.vendor}${o.variant ? `, ${o.variant}` : ''}): ${o.cycles} cycles, ${o.crashes} crashes, ${o.mutations} vendor edits, ${o.sessionsEnded} sessions ended, ${o.revisits} sessions refreshed, ${o.pushes} pushes, ${o.propays} ProPays, ${o.log.requests} vendor requests, faults: ${faults}`
}

export type { Rng }
