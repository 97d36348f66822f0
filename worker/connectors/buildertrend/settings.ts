/**
 * What a Buildertrend connection needs: the admin's website username and password (Buildertrend has no
 * public API for this data; docs/vendors/buildertrend.md §1) and how far back and how wide to read time.
 * @module
 */
import { z } from 'zod'
import { VendorBaseUrl } from '../vendor-base-url'
import { isValidTimeZone } from '../../util/zoned-time'

/** Trimmed: stray spaces pasted with an email or password are the most common reason a connect fails. */
export const BuildertrendCredentials = z.object({
  username: z.string().trim().min(1, 'Username is required').max(320),
  password: z.string().trim().min(1, 'Password is required').max(500),
})
export type BuildertrendCredentials = z.infer<typeof BuildertrendCredentials>

export const BT_APP_URL = 'https://buildertrend.net'
export const BT_LOGIN_URL = 'https://login.buildertrend.com'

export const BuildertrendSettings = z.object({
  /** The company's go-live date: time before it is never imported. */
  syncStartDate: z.iso.date('syncStartDate must be a date like 2026-01-15'),
  /** Development and tests only: a local Buildertrend sandbox serving both login and the app's API. */
  baseUrl: VendorBaseUrl,
  /**
   * Weeks before the current week re-read every sync: there is no modified-since filter
   * (docs/vendors/buildertrend.md §11).
   */
  windowWeeks: z.number().int().min(1).max(52).default(6),
  /** The company's zone for Buildertrend's offset-less times; the organisation's zone when absent. */
  timeZone: z.string().refine(isValidTimeZone, 'timeZone must be an IANA time zone like America/Chicago').optional(),
  /** Time clock grid page size (200–500 worked for integrators). */
  pageSize: z.number().int().min(10).max(500).default(500),
})
export type BuildertrendSettings = z.infer<typeof BuildertrendSettings>

export const appUrlOf = (s: BuildertrendSettings) => (s.baseUrl ?? BT_APP_URL).replace(/\/+$/, '')
export const loginUrlOf = (s: BuildertrendSettings) => (s.baseUrl ?? BT_LOGIN_URL).replace(/\/+$/, '')
