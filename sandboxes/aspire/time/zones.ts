/**
 * Branch `TimeZone` values. Whether Aspire stores IANA ids or Windows ids (it runs on .NET) is unverified,
 * so a tenant can emit either; the sandbox itself always computes with the IANA id.
 * @module
 */

export type TimeZoneNames = 'iana' | 'windows'

const WINDOWS_BY_IANA: Record<string, string> = {
  'America/New_York': 'Eastern Standard Time',
  'America/Chicago': 'Central Standard Time',
  'America/Denver': 'Mountain Standard Time',
  'America/Phoenix': 'US Mountain Standard Time',
  'America/Los_Angeles': 'Pacific Standard Time',
  'America/Toronto': 'Eastern Standard Time',
  'America/Halifax': 'Atlantic Standard Time',
  'Pacific/Honolulu': 'Hawaiian Standard Time',
  'America/Anchorage': 'Alaskan Standard Time',
  UTC: 'UTC',
}

const IANA_BY_WINDOWS = new Map(Object.entries(WINDOWS_BY_IANA).map(([iana, windows]) => [windows, iana]))
// Toronto shares Eastern's Windows id; the reverse lookup must land on New York.
IANA_BY_WINDOWS.set('Eastern Standard Time', 'America/New_York')

/** The value a Branch row carries for an IANA zone under the tenant's naming style. */
export const zoneLabel = (iana: string, names: TimeZoneNames): string => (names === 'windows' ? (WINDOWS_BY_IANA[iana] ?? iana) : iana)

/** The IANA id behind a Branch `TimeZone` value of either style. */
export const ianaZone = (label: string): string => IANA_BY_WINDOWS.get(label) ?? label
