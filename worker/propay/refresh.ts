/**
 * Recomputes the breakdown of ACTIVE ProPays from the synced rows and stores it when its input changed. Approved
 * and paid ProPays are never recomputed: their breakdown was frozen at approval.
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
