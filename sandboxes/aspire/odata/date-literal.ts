/**
 * The wall-clock value a date or date-time filter literal is compared with.
 *
 * Aspire's stamps are offset-less (.NET `DateTime`), which ASP.NET OData models as `Edm.DateTimeOffset`. To
 * compare such a property with a literal, ASP.NET Core OData converts the literal into the server's time zone
 * (`TimeZoneInfo.ConvertTime(value, timeZoneInfo ?? TimeZoneInfo.Local)`, EdmPrimitiveHelper.cs) and compares
 * the digits with the stored wall-clock digits. We take that zone to be UTC (*assumed*, docs/vendors/aspire.md
 * §4.3): `…Z` compares its own digits, `…-06:00` is read six hours later, and a date alone is its midnight.
 * @module
 */
import { formatWall, parseWall } from '../time/local-time'

const OFFSET = /([+-])(\d{2}):?(\d{2})$/

/** The literal as `YYYY-MM-DDTHH:mm:ss` in the server's zone (UTC), or null when it is no date. */
export function literalWall(text: string): string | null {
  const wall = parseWall(text)
  if (wall === null) return null
  const offset = OFFSET.exec(text.trim())
  if (!offset || !text.includes('T')) return formatWall(wall)
  const minutes = Number(offset[2]) * 60 + Number(offset[3])
  return formatWall(wall - (offset[1] === '-' ? -1 : 1) * minutes * 60_000)
}
