/**
 * The bonus side of the oracle: every ProPay a clean sync of the vendor's final data produces must exist
 * for the chaos connection too, with the same status and the same figures to the cent. (The chaos side may
 * hold more: a ticket completed and later re-opened keeps the ProPay it created — one per scope, ever.)
 * @module
 */

interface ProPayRow {
  job_external_id: string
  milestone_external_id: string | null
  status: string
  budget_source: string | null
  breakdown: string | null
  calculation_issues: string | null
}

const read = async (db: D1Database, connectionId: string) =>
  (
    await db
      .prepare('SELECT job_external_id, milestone_external_id, status, budget_source, breakdown, calculation_issues FROM propays WHERE connection_id = ?1')
      .bind(connectionId)
      .all<ProPayRow>()
  ).results

const keyOf = (r: ProPayRow) => `${r.job_external_id}/${r.milestone_external_id ?? '-'}`

export async function compareProPays(db: D1Database, chaosConnectionId: string, referenceConnectionId: string): Promise<{ problems: string[]; compared: number }> {
  const ours = new Map((await read(db, chaosConnectionId)).map((r) => [keyOf(r), r]))
  const problems: string[] = []
  const expectedRows = await read(db, referenceConnectionId)
  for (const expected of expectedRows) {
    const key = keyOf(expected)
    const actual = ours.get(key)
    if (!actual) {
      problems.push(`propays: lost the ProPay of ${key}`)
      continue
    }
    for (const column of ['status', 'budget_source', 'breakdown', 'calculation_issues'] as const) {
      if (actual[column] !== expected[column]) problems.push(`propays: ${key} ${column} differs: ${String(actual[column]).slice(0, 300)} ≠ ${String(expected[column]).slice(0, 300)}`)
    }
  }
  return { problems, compared: expectedRows.length }
}
