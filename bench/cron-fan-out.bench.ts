/**
 * Cron fan-out benchmark: 10,000 due connections spread over 20 organisations (plus 2,000 that are not due:
 * scheduled later, paused, waiting for a relink, deleted, or leased by a live holder) in a local D1, then the
 * real scheduled handler (worker/cron/scheduled.ts → worker/sync/fan-out.ts) fired on `wrangler dev` until a
 * tick finds nothing left to claim.
 *
 *   npm run bench -- fan-out            (BENCH_DUE=… for another count)
 *
 * Seeding writes SQL straight into the local D1 (`wrangler d1 execute --local`): creating 10,000 connections
 * through the API would need 10,000 vendor sign-ins and is not what is measured. The worker runs through
 * tools/dev/fan-out-probe.ts: the real handlers, with D1 and the queue wrapped in counters, and a queue
 * consumer that reports each message to this script instead of syncing. Checked before any figure is written:
 * every due connection received exactly one message, carrying the lease token stored in D1; nothing else was
 * claimed.
 * @module
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BindingUsage } from '../tools/dev/binding-usage'
import { fireCron, migrateLocalDb, run, startWorker } from '../tools/dev/local-stack'
import { startCollector, type TickReport } from './support/collector'
import { openLocalD1 } from './support/local-d1'
import { freePort } from './support/ports'
import { check, int, runBench } from './support/results'

const DUE = Number(process.env.BENCH_DUE ?? 10_000)
const ORGS = 20
const NOT_DUE = { later: 800, paused: 300, relinkNeeded: 300, deleted: 300, leasedByLiveHolder: 300 }
/** Back-to-back ticks allowed before the benchmark gives up (a fan-out that needs more is a finding in itself). */
const MAX_TICKS = 60

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Every row is generated inside SQLite (recursive CTE), so the seed file stays small whatever the count. */
function seedSql(now: number): string {
  const iso = new Date(now).toISOString()
  const at = (offset: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', '${iso}', ${offset})`
  const rows = (count: number) => `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${count - 1}) `
  const vendor = `CASE i % 3 WHEN 0 THEN 'aspire' WHEN 1 THEN 'buildertrend' ELSE 'exaktime' END`
  const columns = 'id, org_id, vendor, account_label, credentials_ciphertext, credentials_iv, settings, paused, status, frequency_seconds, next_run_at, lease_until, lease_token, current_run_id, created_at, updated_at, deleted_at'
  const insert = (prefix: string, count: number, values: { paused?: string; status?: string; nextRunAt: string; leaseUntil?: string; leaseToken?: string; currentRunId?: string; deletedAt?: string }) =>
    `INSERT INTO connections (${columns}) ${rows(count)}SELECT printf('${prefix}-%05d', i), printf('bench-org-%02d', i % ${ORGS}), ${vendor}, printf('${prefix} %d', i), 'not-a-real-ciphertext', 'not-a-real-iv', '{}', ${values.paused ?? '0'}, ${values.status ?? "'ok'"}, 900, ${values.nextRunAt}, ${values.leaseUntil ?? 'NULL'}, ${values.leaseToken ?? 'NULL'}, ${values.currentRunId ?? 'NULL'}, '${iso}', '${iso}', ${values.deletedAt ?? 'NULL'} FROM n;`
  const overdue = at("printf('-%d seconds', i % 900)")
  return [
    `INSERT INTO organizations (id, name, time_zone, created_at) ${rows(ORGS)}SELECT printf('bench-org-%02d', i), printf('Bench organisation %d', i), 'America/Chicago', '${iso}' FROM n;`,
    // Due: next run in the last 15 minutes; one in 50 left mid-run by a consumer that died (expired lease).
    insert('due', DUE, {
      nextRunAt: overdue,
      leaseUntil: `CASE WHEN i % 50 = 0 THEN ${at("'-5 minutes'")} END`,
      leaseToken: "CASE WHEN i % 50 = 0 THEN 'dead-holder' END",
      currentRunId: "CASE WHEN i % 50 = 0 THEN printf('run-%d', i) END",
    }),
    insert('later', NOT_DUE.later, { nextRunAt: at("printf('+%d seconds', 180 + i)") }),
    insert('paused', NOT_DUE.paused, { nextRunAt: overdue, paused: '1', status: "'paused'" }),
    insert('relink', NOT_DUE.relinkNeeded, { nextRunAt: overdue, status: "'relink_needed'" }),
    insert('deleted', NOT_DUE.deleted, { nextRunAt: overdue, deletedAt: `'${iso}'` }),
    insert('leased', NOT_DUE.leasedByLiveHolder, { nextRunAt: overdue, leaseUntil: at("'+10 minutes'"), leaseToken: "'live-holder'" }),
  ].join('\n')
}

const add = (a: BindingUsage, b: BindingUsage): BindingUsage => ({
  d1Statements: a.d1Statements + b.d1Statements,
  d1Batches: a.d1Batches + b.d1Batches,
  d1BatchedStatements: a.d1BatchedStatements + b.d1BatchedStatements,
  d1Exec: a.d1Exec + b.d1Exec,
  queueSends: a.queueSends + b.queueSends,
  queueSendBatches: a.queueSendBatches + b.queueSendBatches,
  messages: a.messages + b.messages,
  messagesByKind: Object.fromEntries([...new Set([...Object.keys(a.messagesByKind), ...Object.keys(b.messagesByKind)])].map((k) => [k, (a.messagesByKind[k] ?? 0) + (b.messagesByKind[k] ?? 0)])),
})

await runBench('cron-fan-out', 'Cron fan-out', async () => {
  const persistTo = mkdtempSync(path.join(os.tmpdir(), 'protiv-bench-fan-out-'))
  const collector = await startCollector()
  try {
    await migrateLocalDb(persistTo)
    const seedFile = path.join(persistTo, 'seed.sql')
    writeFileSync(seedFile, seedSql(Date.now()))
    await run('npx', ['wrangler', 'd1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--file', seedFile])
    const worker = await startWorker({
      port: await freePort(),
      persistTo,
      script: 'tools/dev/fan-out-probe.ts',
      vars: { CREDENTIALS_KEY: 'YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktMzI=', BENCH_COLLECTOR_URL: collector.url },
    })
    const ticks: Array<TickReport & { wallMs: number; claimed: number }> = []
    let firstTickAt = 0
    let allClaimedMs = 0
    let deliveredMs = 0
    try {
      firstTickAt = performance.now()
      for (;;) {
        check(ticks.length < MAX_TICKS, `still claiming after ${MAX_TICKS} ticks`)
        const t = performance.now()
        const status = await fireCron(worker.url)
        const wallMs = performance.now() - t
        check(status === 200, `the scheduled handler answered ${status}`)
        const report = collector.ticks[ticks.length]
        check(report, 'the probe did not report the tick')
        check(!report.error, `the scheduled handler failed: ${report.error}`)
        const claimed = report.usage.messagesByKind.sync ?? 0
        ticks.push({ ...report, wallMs, claimed })
        console.log(`tick ${ticks.length}: ${claimed} claimed and enqueued in ${wallMs.toFixed(0)} ms`)
        if (!claimed) break
        allClaimedMs = performance.now() - firstTickAt
      }
      const claimedTotal = ticks.reduce((n, t) => n + t.claimed, 0)
      const sync = () => collector.messages.filter((m) => m.kind === 'sync')
      while (sync().length < claimedTotal) {
        check(performance.now() - firstTickAt < 5 * 60_000, `only ${sync().length} of ${claimedTotal} messages delivered after 5 minutes`)
        await sleep(50)
      }
      deliveredMs = performance.now() - firstTickAt
      // Late duplicates would arrive now: give them a moment before counting.
      await sleep(2000)
    } finally {
      await worker.stop()
    }

    const messages = collector.messages.filter((m) => m.kind === 'sync') as Array<{ connectionId: string; leaseToken: string; trigger: string }>
    const db = await openLocalD1(persistTo, { readOnly: true })
    const stored = new Map((db.prepare('SELECT id, lease_token AS token FROM connections').all() as Array<{ id: string; token: string | null }>).map((r) => [r.id, r.token]))
    db.close()
    const ids = messages.map((m) => m.connectionId)
    const distinct = new Set(ids)
    const due = [...stored.keys()].filter((id) => id.startsWith('due-'))
    check(due.length === DUE, `seeded ${due.length} due connections, wanted ${DUE}`)
    check(ids.length === distinct.size, `${ids.length - distinct.size} connections were enqueued more than once`)
    const notDue = ids.filter((id) => !id.startsWith('due-'))
    check(!notDue.length, `${notDue.length} connections that were not due were claimed, e.g. ${notDue.slice(0, 3).join(', ')}`)
    const missed = due.filter((id) => !distinct.has(id))
    check(!missed.length, `${missed.length} due connections were never claimed, e.g. ${missed.slice(0, 3).join(', ')}`)
    const wrongToken = messages.filter((m) => stored.get(m.connectionId) !== m.leaseToken)
    check(!wrongToken.length, `${wrongToken.length} messages carry a lease token D1 does not hold`)
    check(messages.every((m) => m.trigger === 'cron'), 'a fan-out message is not a cron trigger')
    const liveKept = [...stored].filter(([id, token]) => id.startsWith('leased-') && token === 'live-holder').length
    check(liveKept === NOT_DUE.leasedByLiveHolder, 'a live lease was taken over')

    const working = ticks.filter((t) => t.claimed > 0)
    check(working.length, 'no tick claimed anything')
    const total = working.slice(1).reduce((sum, t) => add(sum, t.usage), working[0]!.usage)
    const handlerMs = working.reduce((n, t) => n + t.handlerMs, 0)
    const roundTrips = total.d1Statements + total.d1Batches + total.d1Exec
    const figures = {
      seeded: { due: DUE, organisations: ORGS, notDue: NOT_DUE, dueWithDeadHolder: Math.ceil(DUE / 50) },
      ticksWithWork: working.length,
      allClaimedAndEnqueuedMs: Math.round(allClaimedMs),
      handlerMsSum: handlerMs,
      localQueueDeliveredMs: Math.round(deliveredMs),
      usage: total,
      d1RoundTrips: roundTrips,
      exactlyOnce: { messages: ids.length, distinct: distinct.size, tokensMatchD1: true, notDueClaimed: 0 },
      ticks: ticks.map(({ wallMs, handlerMs, claimed, usage }) => ({ wallMs: Math.round(wallMs), handlerMs, claimed, usage })),
    }
    const q = total.queueSendBatches
    return {
      figures,
      markdown: `| measure | value |
| --- | --- |
| seeded | ${int(DUE)} due connections over ${ORGS} organisations (${int(figures.seeded.dueWithDeadHolder)} of them left mid-run by a dead consumer), plus ${int(Object.values(NOT_DUE).reduce((a, b) => a + b, 0))} not due (scheduled later, paused, relink needed, deleted, leased by a live holder) |
| ticks needed to claim them all | **${working.length}**${working.length > 1 ? ` (fired back to back here; in production one a minute, so the last due connection waits ${working.length - 1} min)` : ''} |
| fan-out wall time, trigger → every due connection claimed and enqueued | **${int(allClaimedMs)} ms** (handler time inside workerd: ${int(handlerMs)} ms) |
| D1 use | ${int(total.d1Statements)} single statements + ${int(total.d1Batches)} batches (${int(total.d1BatchedStatements)} statements) = **${int(roundTrips)} round trips** |
| queue use | **${int(total.messages)} messages** (${int(total.messagesByKind.sync ?? 0)} sync + ${int(total.messagesByKind.heartbeat ?? 0)} heartbeat) in ${int(q)} sendBatch + ${int(total.queueSends)} send calls |
| claimed exactly once | yes: ${int(ids.length)} messages for ${int(distinct.size)} distinct due connections, each with the lease token D1 holds; 0 not-due claimed; the next tick claimed 0 |
| local queue delivered every message to the consumer | ${int(deliveredMs)} ms after the first trigger (wrangler dev's local queue, not production's) |`,
    }
  } finally {
    await collector.close()
    rmSync(persistTo, { recursive: true, force: true })
  }
})
