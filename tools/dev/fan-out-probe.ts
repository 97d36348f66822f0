/**
 * The worker as `bench/cron-fan-out.bench.ts` runs it (`wrangler dev tools/dev/fan-out-probe.ts`): the real
 * fetch and scheduled handlers, the latter with D1 and the queue wrapped in counters, reporting after each
 * tick what it used to the benchmark's collector (BENCH_COLLECTOR_URL). Its queue consumer reports every
 * message it receives and acks it instead of running a sync: the benchmark measures the fan-out, not 10,000
 * syncs of made-up connections. Never deployed (wrangler.toml's `main` is worker/index.ts).
 * @module
 */
import type { Env, QueueMessage } from '../../worker/env'
import worker from '../../worker/index'
import { countingD1, countingQueue, emptyUsage } from './counting-bindings'

type ProbeEnv = Env & { BENCH_COLLECTOR_URL: string }

const report = async (env: ProbeEnv, path: string, body: unknown) => {
  const res = await fetch(`${env.BENCH_COLLECTOR_URL}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (!res.ok) throw new Error(`the benchmark collector answered ${res.status}`)
}

export default {
  fetch: worker.fetch,

  async scheduled(controller, env, ctx) {
    const usage = emptyUsage()
    const pending: Promise<unknown>[] = []
    const counted: Env = { ...env, DB: countingD1(env.DB, usage), SYNC_QUEUE: countingQueue(env.SYNC_QUEUE, usage) }
    const started = Date.now()
    // The real handler hands its work to waitUntil; collecting the promise tells when the tick's work is done.
    worker.scheduled(controller, counted, { ...ctx, waitUntil: (p: Promise<unknown>) => void pending.push(p), passThroughOnException: () => ctx.passThroughOnException() } as ExecutionContext)
    let error: string | null = null
    try {
      await Promise.all(pending)
    } catch (err) {
      error = (err as Error).message
    }
    await report(env, '/tick', { handlerMs: Date.now() - started, usage, error })
    if (error) throw new Error(error)
  },

  async queue(batch, env) {
    await report(env, '/messages', batch.messages.map((m) => m.body))
    batch.ackAll()
  },
} satisfies ExportedHandler<ProbeEnv, QueueMessage>
