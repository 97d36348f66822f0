/**
 * The organisation's own settings (#15): name, time zone, and how money and dates read (locale, currency). Every
 * value is checked with the runtime's Intl, the same one that formats it later, so a saved setting always formats.
 * @module
 */
import { z } from 'zod'

export { DEFAULT_CURRENCY, DEFAULT_LOCALE } from './format-defaults'

/** A BCP 47 tag Intl knows, stored in its canonical spelling (`de-de` → `de-DE`). */
export const Locale = z
  .string()
  .trim()
  .min(2, 'locale must be a BCP 47 language tag such as en-US or de-DE')
  .max(35)
  .transform((tag, ctx) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag)
      if (canonical && Intl.NumberFormat.supportedLocalesOf([canonical]).length > 0) return canonical
    } catch {
      // RangeError: not a well-formed tag; reported below.
    }
    ctx.addIssue({ code: 'custom', message: `locale "${tag}" is not a language tag this system can format; use one such as en-US, en-CA or de-DE` })
    return z.NEVER
  })

/** An ISO 4217 code Intl.NumberFormat formats, upper-cased (`eur` → `EUR`). */
export const Currency = z
  .string()
  .trim()
  .transform((code, ctx) => {
    const upper = code.toUpperCase()
    try {
      // A malformed code throws; a well-formed but unknown one is caught by the list of supported codes.
      new Intl.NumberFormat('en-US', { style: 'currency', currency: upper })
      if (Intl.supportedValuesOf('currency').includes(upper)) return upper
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: `currency "${code}" is not an ISO 4217 currency code; use one such as USD, CAD or EUR` })
    return z.NEVER
  })

/** An IANA time zone Intl knows, e.g. America/Chicago or Europe/Berlin. */
export const TimeZone = z
  .string()
  .trim()
  .min(1, 'timeZone is required')
  .max(100)
  .refine((timeZone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone })
      return true
    } catch {
      return false
    }
  }, 'timeZone must be an IANA time zone such as America/Chicago or Europe/Berlin')

export const UpdateOrganizationRequest = z
  .object({
    name: z.string().trim().min(1, 'name is required').max(200).optional(),
    timeZone: TimeZone.optional(),
    locale: Locale.optional(),
    currency: Currency.optional(),
  })
  .refine((v) => Object.values(v).some((value) => value !== undefined), 'send at least one of name, timeZone, locale, currency')
export type UpdateOrganizationRequest = z.input<typeof UpdateOrganizationRequest>
