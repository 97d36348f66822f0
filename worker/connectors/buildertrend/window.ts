/**
 * The rolling window each sync re-reads, because Buildertrend has no modified-since filter
 * (docs/vendors/buildertrend.md §11): from the start of the current week minus `windowWeeks` weeks (which covers an
 * open pay period of up to that long) through tomorrow, never before the sync start date. The first sync reads
 * everything from the sync start date.
 *
 * Local stamps (issue #18) cannot lose a change here: nothing is read "modified since" a stamp. Shifts are chosen
 * by their local work date, the window is weeks wide and ends tomorrow, and every row in it is re-read each run
 * and compared by hash, so a stamp's zone never decides whether a row is read.
 * @module
 */
import { utcToLocal } from '../../util/zoned-time'
import type { BuildertrendSettings } from './settings'

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

export const zoneOf = (settings: BuildertrendSettings, orgTimeZone: string) => settings.timeZone ?? orgTimeZone

export function syncWindow(settings: BuildertrendSettings, zone: string, now: number, backfilled: boolean): { start: string; end: string } {
  const today = utcToLocal(new Date(now).toISOString(), zone).slice(0, 10)
  // Tomorrow too: a shift's date is local, and "now" may already be tomorrow somewhere in the company.
  const end = addDays(today, 1)
  if (!backfilled) return { start: settings.syncStartDate, end }
  const weekStart = addDays(today, -new Date(`${today}T00:00:00Z`).getUTCDay())
  const start = addDays(weekStart, -7 * settings.windowWeeks)
  return { start: start > settings.syncStartDate ? start : settings.syncStartDate, end }
}
