import { z } from 'zod'
import { DEFAULT_CURRENCY, DEFAULT_LOCALE } from './organization'

export const Role = z.enum(['admin', 'manager', 'crew_lead', 'worker'])
export type Role = z.infer<typeof Role>

export const User = z.object({
  id: z.string(),
  orgId: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
})
export type User = z.infer<typeof User>

export const Organization = z.object({
  id: z.string(),
  name: z.string(),
  /** IANA zone: the organisation's dates and times are shown in it. */
  timeZone: z.string(),
  /** BCP 47 tag for money, numbers and dates; defaulted so a session saved by an older version still parses. */
  locale: z.string().default(DEFAULT_LOCALE),
  /** ISO 4217 code; amounts stay integer cents until display. */
  currency: z.string().default(DEFAULT_CURRENCY),
})
export type Organization = z.infer<typeof Organization>

export const LoginRequest = z.object({
  email: z.string({ error: 'email is required' }).trim().toLowerCase().email('email must be an email address'),
  password: z.string({ error: 'password is required' }).min(1, 'password is required').max(1024),
})
export type LoginRequest = z.input<typeof LoginRequest>

export const LoginResponse = z.object({ token: z.string(), expiresAt: z.string(), user: User })
export type LoginResponse = z.infer<typeof LoginResponse>

export const MeResponse = z.object({ user: User, organization: Organization })
export type MeResponse = z.infer<typeof MeResponse>

export const LogoutResponse = z.object({ ok: z.literal(true) })

export const CreateUserRequest = z.object({
  email: z.string().trim().toLowerCase().email('email must be an email address'),
  name: z.string().trim().min(1, 'name is required').max(200),
  role: Role,
  password: z.string().min(12, 'password must be at least 12 characters').max(1024),
})
export type CreateUserRequest = z.input<typeof CreateUserRequest>

export const UserList = z.object({ users: z.array(User) })
