/**
 * Recomputes the breakdown of ACTIVE ProPays from the synced rows and stores it when its input changed. Approved
 * and paid ProPays are never recomputed: their breakdown was frozen at approval.
 *
 * Who recomputes: the sync's bonus pass (auto-create.ts) for every job whose synced rows changed, and each write
 * that changes a ProPay's own inputs (edit, unapprove, restore; approve computes its own). Reads serve the stored
 * breakdown (`storedOrComputed`) and compute only a ProPay never computed yet: recomputing on every read cost a
 * load of the job's synced rows and a full calculation per ProPay per request (bench/README.md, API latency).
 * @module
 */
import { and, eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import { propays, type ProPayRow } from '../db/schema'
import { nowIso } from '../util/clock'
import { buildProPayInput, compute } from './build-input'
import { coverageOf, loadJobData, type JobData } from './load-job-data'

const byConnection = (rows: readonly ProPayRow[]) => {
  const groups = new Map<string, ProPayRow[]>()
  for (const row of rows) groups.set(row.connectionId, [...(groups.get(row.connectionId) ?? []), row])
  return groups
}

/**
 * Returns the rows with fresh breakdowns (same order). One set of reads per connection; one batch of writes for
 * the ProPays whose input changed, guarded so a ProPay approved meanwhile keeps its frozen breakdown.
 */
export async function refreshActive(db: Db, rows: readonly ProPayRow[], preloaded?: Map<string, JobData>): Promise<ProPayRow[]> {
  const fresh = new Map<string, ProPayRow>()
  const now = nowIso()
  const updates = []
  for (const [connectionId, group] of byConnection(rows.filter((r) => r.status === 'active'))) {
    const data = preloaded?.get(connectionId) ?? (await loadJobData(db, connectionId, group.map((r) => r.jobExternalId)))
    for (const row of group) {
      const computed = await compute(buildProPayInput(row, coverageOf(data, row)))
      if (computed.inputHash === row.inputHash && row.computedAt !== null) continue
      const changes = {
        breakdown: computed.breakdown,
        calculationIssues: computed.issues.length > 0 ? computed.issues : null,
        budgetSource: computed.budgetSource,
        inputHash: computed.inputHash,
        computedAt: now,
      }
      fresh.set(row.id, { ...row, ...changes })
      updates.push(db.update(propays).set(changes).where(and(eq(propays.id, row.id), eq(propays.status, 'active'))))
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
