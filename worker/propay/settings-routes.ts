/**
 * `/api/v1/bonus-settings`: the organisation's bonus program. Admins and managers read it; only admins change it
 * (docs/domain/propay.md §2). Changes reach ProPays created afterwards, never existing ones.
 * @module
 */
import { Hono } from 'hono'
import { UpdateBonusSettingsRequest } from '../../shared/api/bonus-settings'
import { requireRole } from '../auth/require-role'
import { createDb } from '../db/client'
import { bonusSettings } from '../db/schema'
import type { AppEnv } from '../env'
import { ApiError } from '../http/api-error'
import { json } from '../http/validate'
import { nowIso } from '../util/clock'
import { checkExcludedJobs } from './excluded-jobs'
import { loadBonusSettings, validateBonusSettings } from './settings'

export const bonusSettingsRoutes = new Hono<AppEnv>()
  .get('/', requireRole('admin', 'manager'), async (c) => {
    return c.json(await loadBonusSettings(createDb(c.env.DB), c.get('auth').orgId), 200)
  })
  .patch('/', requireRole('admin'), json(UpdateBonusSettingsRequest), async (c) => {
    const db = createDb(c.env.DB)
    const { orgId } = c.get('auth')
    const changes = Object.fromEntries(Object.entries(c.req.valid('json')).filter(([, value]) => value !== undefined))
    const { settings } = await loadBonusSettings(db, orgId)
    const next = { ...settings, ...changes }
    const issues = [...validateBonusSettings(next), ...(changes.excludedJobs ? await checkExcludedJobs(db, orgId, next.excludedJobs) : [])]
    if (issues.length > 0) throw new ApiError('bad_request', `The request body is not valid: ${issues.map((i) => i.message).join('; ')}.`, issues)
    const now = nowIso()
    await db
      .insert(bonusSettings)
      .values({ orgId, settings: next, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: bonusSettings.orgId, set: { settings: next, updatedAt: now } })
    return c.json({ settings: next, updatedAt: now }, 200)
  })
