/**
 * Ways of writing many rows to D1, timed inside workerd's local D1 (on disk, as `wrangler dev --persist-to` keeps
 * it), beside Node's SQLite binding each value (the raw floor of the sync benchmarks). The rows are time entries as
 * the sync writes them (`tableSql('timeEntries')`: `rowText` of `payloadArrayText`), into a fresh database built from
 * our migrations for every try; the variants take turns, so a busy moment of the machine falls on all of them.
 * Which one the sync uses, and why: worker/sync/rows-reader.ts, worker/sync/synced-sql.ts.
 *
 *   npm run bench -- d1-write-paths     (or: npx tsx bench/d1-write-paths.bench.ts; BENCH_ROWS, default 100000; BENCH_REPS, default 3)
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { SQLInputValue } from 'node:sqlite'
import { rowsFrom } from '../worker/sync/rows-reader'
import { tableSql, textChunks } from '../worker/sync/synced-sql'
import { migratedSqlite } from './support/local-d1'
import { freshTimedD1 } from './support/timed-d1'
import { check, int, runBench } from './support/results'

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000)
const REPS = Number(process.env.BENCH_REPS ?? 3)
/** BENCH_ONLY=key,key: only those variants (the raw floor is always timed). */
const ONLY = process.env.BENCH_ONLY?.split(',')
const ORG = 'org-bench'
const CONNECTION = 'conn-bench'
const NOW = '2026-12-03T00:00:00.000Z'

const sql = tableSql('timeEntries')
const entries = Array.from({ length: ROWS }, (_, i) => ({
  id: `01JBENCH${String(i).padStart(10, '0')}`,
  externalId: String(1_000_000 + i),
  dataHash: `2:${((i * 2654435761) >>> 0).toString(16).padStart(16, '0')}`,
  vendorModified: '2026-11-01T10:00:00Z',
  payload: {
    workerExternalId: String(i % 300),
    jobExternalId: String(i % 500),
    milestoneExternalId: String(i % 2000),
    routeExternalId: String(i % 84),
    crewLeaderExternalId: String(i % 60),
    costCodeExternalId: null,
    workDate: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    startAt: '2026-11-01T14:00:00.000Z',
    endAt: '2026-11-01T22:00:00.000Z',
    durationSeconds: 28_800,
    overtimeSeconds: 0,
    doubleTimeSeconds: 0,
    hourlyCents: 2500,
    costCents: 20_000,
    isDrive: false,
    approval: 'approved',
  },
}))
const rowTexts = entries.map((e) => sql.rowText(e, sql.payloadArrayText(e.payload)))
// The columns in the order of the upsert's SELECT, for the variants that bind values or insert plainly.
const columns = ['id', 'org_id', 'connection_id', 'external_id', 'data_hash', 'vendor_modified', 'first_seen_at', 'updated_at', 'deleted_at', ...sql.payload.map((c) => c.column)]
const valuesOf = (e: (typeof entries)[number]): SQLInputValue[] => [
  e.id, ORG, CONNECTION, e.externalId, e.dataHash, e.vendorModified, NOW, NOW, null,
  ...sql.payload.map((c) => {
    const v = (e.payload as Record<string, unknown>)[c.key]
    return typeof v === 'boolean' ? Number(v) : ((v ?? null) as SQLInputValue)
  }),
]
const plainInsert = (reader: 'jsonb' | 'text') =>
  sql.upsert[reader].replace(/ WHERE true[\s\S]*$/, '')

interface Variant {
  key: string
  what: string
  /** Statements (SQL and its parameters) and how many go in one `batch()`. */
  statements: () => Array<{ sql: string; params: unknown[] }>
  perBatch: number
}

const jsonStatements = (text: string, rowsPerStatement: number, maxBytes = 900_000) => () => {
  const out: Array<{ sql: string; params: unknown[] }> = []
  for (let i = 0; i < rowTexts.length; i += rowsPerStatement)
    for (const chunk of textChunks(rowTexts.slice(i, i + rowsPerStatement), maxBytes)) out.push({ sql: text, params: [ORG, CONNECTION, NOW, chunk] })
  return out
}
const VALUES_ROWS = Math.floor(100 / columns.length) // D1: at most 100 bound parameters a statement
const variants: Variant[] = [
  { key: 'upsertJsonb', what: 'the sync\'s upsert, rows read by `jsonb_each(jsonb(?))` (1,000 a statement, 10 statements = 10,000 rows a batch)', statements: jsonStatements(sql.upsert.jsonb, 1000), perBatch: 10 },
  { key: 'upsertText', what: 'the sync\'s upsert, rows read by `json_each(?)` (the fallback)', statements: jsonStatements(sql.upsert.text, 1000), perBatch: 10 },
  { key: 'insertJsonb', what: 'plain `INSERT … FROM jsonb_each(jsonb(?))`', statements: jsonStatements(plainInsert('jsonb'), 1000), perBatch: 10 },
  { key: 'insertText', what: 'plain `INSERT … FROM json_each(?)`', statements: jsonStatements(plainInsert('text'), 1000), perBatch: 10 },
  { key: 'upsertJsonbBig', what: 'the upsert by JSONB, 5,000 rows (≤ 1.9 MB) a statement, 10 (50,000 rows) a batch', statements: jsonStatements(sql.upsert.jsonb, 5000, 1_900_000), perBatch: 10 },
  { key: 'upsertJsonbBigSmallBatch', what: 'the upsert by JSONB, 5,000 rows a statement, 2 statements (10,000 rows) a batch', statements: jsonStatements(sql.upsert.jsonb, 5000, 1_900_000), perBatch: 2 },
  { key: 'upsertJsonb25', what: 'the upsert by JSONB, 25 statements (25,000 rows) a batch', statements: jsonStatements(sql.upsert.jsonb, 1000), perBatch: 25 },
  { key: 'upsertJsonbWideBatch', what: 'the upsert by JSONB, 50 statements (50,000 rows) a batch', statements: jsonStatements(sql.upsert.jsonb, 1000), perBatch: 50 },
  {
    key: 'boundValues',
    what: `multi-row \`VALUES\`, ${VALUES_ROWS} rows (≤ 100 bound values) a statement, 1,000 a batch`,
    statements: () => {
      const out: Array<{ sql: string; params: unknown[] }> = []
      for (let i = 0; i < entries.length; i += VALUES_ROWS) {
        const slice = entries.slice(i, i + VALUES_ROWS)
        out.push({ sql: `INSERT INTO time_entries (${columns.join(',')}) VALUES ${slice.map(() => `(${columns.map(() => '?').join(',')})`).join(',')}`, params: slice.flatMap(valuesOf) })
      }
      return out
    },
    perBatch: 1000,
  },
]

async function timeInD1(variant: Variant): Promise<number> {
  const { db, timeBatch, dispose } = await freshTimedD1('d1-paths')
  try {
    const statements = variant.statements()
    let ms = 0
    for (let i = 0; i < statements.length; i += variant.perBatch) {
      ms += await timeBatch(statements.slice(i, i + variant.perBatch))
    }
    const stored = (await db.prepare('SELECT count(*) AS n, sum(duration_seconds) AS s FROM time_entries WHERE connection_id = ?1').bind(CONNECTION).first<{ n: number; s: number }>())!
    check(stored.n === ROWS && stored.s === ROWS * 28_800, `${variant.key} stored ${stored.n} of ${ROWS} rows (duration sum ${stored.s})`)
    return ms
  } finally {
    await dispose()
  }
}

function timeRaw(): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'protiv-raw-paths-'))
  try {
    const db = migratedSqlite(path.join(dir, 'raw.sqlite'))
    const insert = db.prepare(`INSERT INTO time_entries (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`)
    const started = performance.now()
    db.exec('BEGIN')
    for (const e of entries) insert.run(...valuesOf(e))
    db.exec('COMMIT')
    const ms = performance.now() - started
    db.close()
    return ms
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

await runBench('d1-write-paths', 'Writing rows to D1: the ways measured', async () => {
  const chosen = variants.filter((v) => !ONLY || ONLY.includes(v.key))
  const ms: Record<string, number[]> = { raw: [], ...Object.fromEntries(chosen.map((v) => [v.key, [] as number[]])) }
  for (let rep = 0; rep < REPS; rep++) {
    ms.raw!.push(timeRaw())
    for (const v of chosen) ms[v.key]!.push(await timeInD1(v))
  }
  const medianMs = Object.fromEntries(Object.entries(ms).map(([k, xs]) => [k, Math.round(median(xs))]))
  const raw = medianMs.raw!
  const row = (what: string, key: string) => {
    const m = medianMs[key]!
    return `| ${what} | ${int(m)} ms | ${int((ROWS * 1000) / m)} rows/s | ${Math.round((raw / m) * 100)} % |`
  }
  return {
    figures: { rows: ROWS, reps: REPS, medianMs, allMs: ms },
    markdown: `${int(ROWS)} time entries (${columns.length} columns, 7 indexes), median of ${REPS} tries each, taking turns

| way of writing | median | rate | of the raw insert |
| --- | --- | --- | --- |
${row("Node's SQLite, one prepared \`INSERT\` per row, one transaction (the raw floor)", 'raw')}
${chosen.map((v) => row(v.what, v.key)).join('\n')}`,
  }
})
