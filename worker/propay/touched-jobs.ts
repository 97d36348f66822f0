/**
 * Which jobs of a connection the bonus pass has to look at: those whose synced rows changed since a watermark (the
 * newest `updated_at` among them when the last pass completed), or all of them.
 * @module
 */
const SYNCED_TABLES = ['jobs', 'milestones', 'time_entries', 'wages', 'budgets'] as const

/** The newest change among the connection's synced rows (soft deletes set `updated_at` too). */
export async function watermarkOf(d1: D1Database, connectionId: string): Promise<string | null> {
  const union = SYNCED_TABLES.map((table) => `SELECT MAX(updated_at) AS m FROM ${table} WHERE connection_id = ?1`).join(' UNION ALL ')
  const row = await d1.prepare(`SELECT MAX(m) AS watermark FROM (${union})`).bind(connectionId).first<{ watermark: string | null }>()
  return row?.watermark ?? null
}

/**
 * The jobs touched by rows changed since `since` (every job of the connection when null): their own row, a milestone,
 * time or a budget line on them, or a wage of someone who logged time on them. (Four terms: D1 caps compound
 * SELECTs.) Sorted by code unit, the order the pass goes through them in, so where it stopped is one id.
 */
export async function touchedJobIds(d1: D1Database, connectionId: string, since: string | null): Promise<string[]> {
  const jobOf = (table: string, where: string) =>
    `SELECT COALESCE(x.job_external_id, m.job_external_id) AS id FROM ${table} x
     LEFT JOIN milestones m ON m.connection_id = x.connection_id AND m.external_id = x.milestone_external_id
     WHERE x.connection_id = ?1 AND (${where})`
  const query =
    since === null
      ? d1.prepare('SELECT external_id AS id FROM jobs WHERE connection_id = ?1').bind(connectionId)
      : d1
          .prepare(
            [
              'SELECT external_id AS id FROM jobs WHERE connection_id = ?1 AND updated_at >= ?2',
              'SELECT job_external_id AS id FROM milestones WHERE connection_id = ?1 AND updated_at >= ?2',
              jobOf('time_entries', 'x.updated_at >= ?2 OR x.worker_external_id IN (SELECT worker_external_id FROM wages WHERE connection_id = ?1 AND updated_at >= ?2)'),
              jobOf('budgets', 'x.updated_at >= ?2'),
            ].join(' UNION '),
          )
          .bind(connectionId, since)
  const { results } = await query.all<{ id: string | null }>()
  const ids = [...new Set(results.map((r) => r.id).filter((id): id is string => !!id))]
  // Code-unit order in JavaScript, whatever collation SQLite used: the cursor is compared here, with `>`.
  return ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}
