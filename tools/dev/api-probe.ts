/**
 * The worker as `bench/api-latency.bench.ts` runs it (`wrangler dev tools/dev/api-probe.ts`): the real handlers;
 * a request carrying `x-bench-count: 1` gets D1 wrapped in a counter and its answer carries what it used
 * (`x-bench-d1`: statements run alone + batches, as JSON), so the benchmark can say how many round trips each
 * endpoint makes. Requests without the header run exactly as in production. Never deployed (wrangler.toml's
 * `main` is worker/index.ts).
 * @module
 */
import type { Env, QueueMessage } from '../../worker/env'
import worker from '../../worker/index'
import { countingD1, emptyUsage } from './counting-bindings'

export default {
  async fetch(request, env, ctx) {
    if (request.headers.get('x-bench-count') !== '1') return worker.fetch(request, env, ctx)
    const usage = emptyUsage()
    const answer = await worker.fetch(request, { ...env, DB: countingD1(env.DB, usage) }, ctx)
    // The whole body is read first, so a statement run while streaming is counted too.
    const body = await answer.arrayBuffer()
    const headers = new Headers(answer.headers)
    headers.set('x-bench-d1', JSON.stringify({ statements: usage.d1Statements, batches: usage.d1Batches, batchedStatements: usage.d1BatchedStatements }))
    return new Response(body, { status: answer.status, headers })
  },
  scheduled: worker.scheduled,
  queue: worker.queue,
} satisfies ExportedHandler<Env, QueueMessage>
