import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import type { MeResponse } from '../../shared/api/auth'
import { createDb } from '../db/client'
import { organizations, users } from '../db/schema'
import type { AppEnv } from '../env'
import { ApiError } from '../http/api-error'
import { toApiUser } from '../users/to-api-user'
import { toApiOrg } from './to-api-org'

export const meRoute = new Hono<AppEnv>().get('/', async (c) => {
  const { userId } = c.get('auth')
  const [row] = await createDb(c.env.DB)
    .select({ user: users, org: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(eq(users.id, userId))
  if (!row) throw new ApiError('unauthorized', 'Your account no longer exists. Sign in again.')
  const body: MeResponse = {
    user: toApiUser(row.user),
    organization: toApiOrg(row.org),
  }
  return c.json(body, 200)
})
