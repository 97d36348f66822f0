/**
 * The budget of selector-miss reports per organisation: a vendor page that misses in every tab of every manager must
 * not turn into a D1 write per page load. Fixed windows, counted in one conditional upsert; a report over budget is
 * refused (429 with `Retry-After`) and changes nothing, not even the counter.
 * @module
 */
import { nowIso } from '../util/clock'

export const REPORT_WINDOW_MS = 10 * 60 * 1000
/** Reports per org per window. The extension sends at most one per tab per new screen (it de-duplicates and batches). */
export const REPORTS_PER_WINDOW = 30

/** Spends one report of the org's window; null when it may be recorded, else the seconds until the window ends. */
export async function spendReport(d1: D1Database, orgId: string, now = Date.now()): Promise<number | null> {
  const at = nowIso(now)
  const spent = await d1
    .prepare(
      `INSERT INTO selector_miss_budgets (org_id, reports, window_ends_at) VALUES (?1, 1, ?3)
       ON CONFLICT (org_id) DO UPDATE SET
         reports = CASE WHEN window_ends_at <= ?2 THEN 1 ELSE reports + 1 END,
         window_ends_at = CASE WHEN window_ends_at <= ?2 THEN ?3 ELSE window_ends_at END
       WHERE selector_miss_budgets.window_ends_at <= ?2 OR selector_miss_budgets.reports < ?4
       RETURNING reports`,
    )
    .bind(orgId, at, nowIso(now + REPORT_WINDOW_MS), REPORTS_PER_WINDOW)
    .first<{ reports: number }>()
  if (spent) return null
  const window = await d1.prepare('SELECT window_ends_at AS endsAt FROM selector_miss_budgets WHERE org_id = ?1').bind(orgId).first<{ endsAt: string }>()
  return Math.max(1, Math.ceil((Date.parse(window?.endsAt ?? at) - now) / 1000))
}
