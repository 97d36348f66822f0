import { and, asc, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { CreateUserRequest } from '../../shared/api/auth'
import { hashPassword } from '../auth/password'
import { requireRole } from '../auth/require-role'
import { createDb } from '../db/client'
import { users } from '../db/schema'
import type { AppEnv } from '../env'
import { ApiError } from '../http/api-error'
import { json, params } from '../http/validate'
import { nowIso } from '../util/clock'
import { toApiUser } from './to-api-user'

const IdParam = z.object({ id: z.string().min(1).max(100) })

/** The org's people. Admins and managers see the list; only admins add users. */
export const userRoutes = new Hono<AppEnv>()
  .get('/', requireRole('admin', 'manager'), async (c) => {
    const rows = await createDb(c.env.DB)
      .select()
      .from(users)
      .where(eq(users.orgId, c.get('auth').orgId))
      .orderBy(asc(users.email))
    return c.json({ users: rows.map(toApiUser) }, 200)
  })
  .get('/:id', requireRole('admin', 'manager'), params(IdParam), async (c) => {
    const [row] = await createDb(c.env.DB)
      .select()
      .from(users)
      .where(and(eq(users.id, c.req.valid('param').id), eq(users.orgId, c.get('auth').orgId)))
    // Another org's user is answered exactly like a user that does not exist.
    if (!row) throw new ApiError('not_found', 'No user with this id in your organisation.')
    return c.json(toApiUser(row), 200)
  })
  .post('/', requireRole('admin'), json(CreateUserRequest), async (c) => {
    const input = c.req.valid('json')
    const db = createDb(c.env.DB)
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email))
    if (existing) throw new ApiError('conflict', `A user with the email ${input.email} already exists.`)
    const row = {
      id: crypto.randomUUID(),
      orgId: c.get('auth').orgId,
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: nowIso(),
      disabledAt: null,
    }
    await db.insert(users).values(row)
    return c.json(toApiUser(row), 201)
  })
