/**
 * The one form every Aspire `$filter` date or date-time literal takes: unquoted `YYYY-MM-DDTHH:mm:ssZ`.
 *
 * Why `Z`: Aspire runs ASP.NET OData, whose URI parser (ODataLib) refuses an unquoted date-time without `Z` or
 * an offset ("The DateTimeOffset text '…' should be in format …"), and public Aspire clients write
 * `LastModifiedDateTime ge 2025-11-01T00:00:00Z` (docs/vendors/aspire.md §4.3).
 *
 * What the server then compares. Aspire's stamps are branch-local wall-clock values without an offset (.NET
 * `DateTime`); our cursors are such values too. ASP.NET Core OData converts a `DateTimeOffset` literal compared
 * with a `DateTime` property into the server's time zone and compares digits with digits. With the server on
 * UTC (*assumed*, the .NET host default on Azure) `…Z` keeps its digits, so `X ge 2026-06-12T07:00:00Z` selects
 * stamps whose wall-clock reads 07:00 or later: the `Z` is notation, not a claim that the value is UTC. Were the
 * server's zone another, every literal would shift by the same offset and the zone-spread overlap (zone-spread.ts)
 * would have to cover it; the sandbox models the UTC server.
 * @module
 */

const WALL = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:\d{2})?$/

/** A date (`2026-06-12`) or wall-clock date-time (`2026-06-12T07:00:00`) as Aspire's filter literal. */
export function odataDateTime(value: string): string {
  const m = WALL.exec(value)
  // Only our own cursors and dates reach here; anything else is a bug, never text to splice into a query.
  if (!m) throw new Error(`Not a date or date-time for an Aspire filter: ${JSON.stringify(value)}`)
  const [, date, time = '00:00:00', zone] = m
  const seconds = time.length === 5 ? `${time}:00` : time
  // A stamp Aspire sent with an offset already says which instant it means: keep it as sent.
  return `${date}T${seconds}${zone ?? 'Z'}`
}
