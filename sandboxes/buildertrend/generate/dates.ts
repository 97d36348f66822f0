/**
 * Calendar helpers on `YYYY-MM-DD` strings and local wall-clock stamps (`YYYY-MM-DDTHH:mm:ss`, no offset,
 * as Buildertrend sends them).
 * @module
 */

export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** 0 = Sunday. */
export const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()

/** A local stamp `minutes` after midnight of `date`. */
export const stampAt = (date: string, minutes: number) => new Date(Date.parse(`${date}T00:00:00Z`) + Math.round(minutes) * 60_000).toISOString().slice(0, 19)

/** Today's date in a time zone. */
export function todayIn(timeZone: string, now: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now))
  return parts.slice(0, 10)
}

/** Minutes since local midnight in a time zone. */
export function minutesNowIn(timeZone: string, now: number): number {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: 'numeric', minute: 'numeric' })
  const parts = Object.fromEntries(f.formatToParts(new Date(now)).map((p) => [p.type, p.value]))
  return Number(parts.hour) * 60 + Number(parts.minute)
}
