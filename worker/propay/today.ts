import type { IsoDate } from './domain'

/** Today's date in an IANA time zone, e.g. the organisation's: the default approval and pay date. */
export function todayIn(timeZone: string, now: number = Date.now()): IsoDate {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(now))
  const part = (type: string) => parts.find((p) => p.type === type)!.value
  return `${part('year')}-${part('month')}-${part('day')}`
}
