/**
 * `/api/v1/organization`: the caller's organisation. Everyone signed in reads it (the extension formats money and
 * dates with it); only admins change its name, time zone, locale or currency (#15).
 * @module
 */
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { UpdateOrganizationRequest } from '../../shared/api/organization'
import { requireRole } from '../auth/require-role'
import { createDb } from '../db/client'
import { organizations } from '../db/schema'
import type { AppEnv } from '../env'
import { ApiError } from '../http/api-error'
import { json } from '../http/validate'
import { toApiOrg } from './to-api-org'

const gone = () => new ApiError('unauthorized', 'Your organisation no longer exists. Sign in again.')

export const organizationRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const [row] = await createDb(c.env.DB).select().from(organizations).where(eq(organizations.id, c.get('auth').orgId))
    if (!row) throw gone()
    return c.json(toApiOrg(row), 200)
  })
  .patch('/', requireRole('admin'), json(UpdateOrganizationRequest), async (c) => {
    const db = createDb(c.env.DB)
    const changes = Object.fromEntries(Object.entries(c.req.valid('json')).filter(([, value]) => value !== undefined))
    const [row] = await db.update(organizations).set(changes).where(eq(organizations.id, c.get('auth').orgId)).returning()
    if (!row) throw gone()
    return c.json(toApiOrg(row), 200)
  })
