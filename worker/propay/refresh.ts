/**
 * Recomputes the breakdown of ACTIVE ProPays from the synced rows and stores it when its input changed. Approved
 * and paid ProPays are never recomputed: their breakdown was frozen at approval.
 *
 * Who recomputes: the sync's bonus pass (bonus-round.ts) for every job whose synced rows changed, and each write
 * that changes a ProPay's own inputs (edit, unapprove, restore; approve computes its own). Reads serve the stored
 * breakdown (`storedOrComputed`) and compute only a ProPay never computed yet: recomputing on every read cost a
 * load of the job's synced rows and a full calculation per ProPay per request (bench/README.md, API latency).
 * @module
 */
import { and, eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import { propays, type ProPayRow } from '../db/schema'
import { nowIso } from '../util/clock'
import { buildProPayInput, compute, hashInput } from './build-input'
import { coverageOf, loadJobData, type JobData } from './load-job-data'

const byConnection = (rows: readonly ProPayRow[]) => {
  const groups = new Map<string, ProPayRow[]>()
  for (const row of rows) groups.set(row.connectionId, [...(groups.get(row.connectionId) ?? []), row])
  return groups
}

/** A recomputed breakdown to store, for an active ProPay whose input changed. */
export type Refresh = Pick<ProPayRow, 'id' | 'breakdown' | 'calculationIssues' | 'budgetSource' | 'inputHash' | 'computedAt'>

/**
 * The active rows among `rows` whose input changed, recomputed from `data` (one connection's). Pure but for hashing:
 * the input is hashed first and only a changed one is calculated, so an untouched ProPay costs a hash, not a calculation.
 */
export async function planRefresh(rows: readonly ProPayRow[], data: JobData, now: string): Promise<Refresh[]> {
  const out: Refresh[] = []
  for (const row of rows) {
    if (row.status !== 'active') continue
    const built = buildProPayInput(row, coverageOf(data, row))
    const inputHash = await hashInput(built)
    if (inputHash === row.inputHash && row.computedAt !== null) continue
    const computed = await compute(built, inputHash)
    out.push({
      id: row.id,
      breakdown: computed.breakdown,
      calculationIssues: computed.issues.length > 0 ? computed.issues : null,
      budgetSource: computed.budgetSource,
      inputHash,
      computedAt: now,
    })
  }
  return out
}

/** The update storing a refresh, guarded so a ProPay approved meanwhile keeps its frozen breakdown. */
export const refreshUpdate = (db: Db, { id, ...changes }: Refresh) => db.update(propays).set(changes).where(and(eq(propays.id, id), eq(propays.status, 'active')))

/**
 * Returns the rows with fresh breakdowns (same order). One set of reads per connection; one batch of writes for
 * the ProPays whose input changed.
 */
export async function refreshActive(db: Db, rows: readonly ProPayRow[]): Promise<ProPayRow[]> {
  const fresh = new Map<string, ProPayRow>()
  const now = nowIso()
  const updates = []
  for (const [connectionId, group] of byConnection(rows.filter((r) => r.status === 'active'))) {
    const data = await loadJobData(db, connectionId, group.map((r) => r.jobExternalId))
    for (const refresh of await planRefresh(group, data, now)) {
      fresh.set(refresh.id, { ...group.find((r) => r.id === refresh.id)!, ...refresh })
      updates.push(refreshUpdate(db, refresh))
    }
  }
  if (updates.length > 0) await db.batch(updates as [(typeof updates)[0], ...typeof updates])
  return rows.map((row) => fresh.get(row.id) ?? row)
}

/** The rows as stored, except that an active ProPay never computed yet (created a moment ago) is computed once. */
export async function storedOrComputed(db: Db, rows: readonly ProPayRow[]): Promise<ProPayRow[]> {
  const neverComputed = rows.filter((row) => row.status === 'active' && row.computedAt === null)
  if (neverComputed.length === 0) return [...rows]
  const computed = new Map((await refreshActive(db, neverComputed)).map((row) => [row.id, row]))
  return rows.map((row) => computed.get(row.id) ?? row)
}
