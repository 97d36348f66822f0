import { isValidTimeZone } from '../../util/zoned-time'

/**
 * Aspire runs on .NET; whether branch `TimeZone` values are IANA or Windows ids is unverified, so both are
 * read. Unknown values fall back to the organisation's zone.
 */
const IANA_BY_WINDOWS: Record<string, string> = {
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Atlantic Standard Time': 'America/Halifax',
  'Alaskan Standard Time': 'America/Anchorage',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  UTC: 'UTC',
}

export function aspireTimeZone(value: string | null | undefined, fallback: string): string {
  if (!value) return fallback
  const zone = IANA_BY_WINDOWS[value] ?? value
  return isValidTimeZone(zone) ? zone : fallback
}
