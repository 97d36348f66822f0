import type { Role } from '../../shared/api/auth'
import { hashPassword } from '../auth/password'
import type { Db } from '../db/client'
import { organizations, users } from '../db/schema'
import { nowIso } from '../util/clock'

export interface NewOrg {
  name: string
  timeZone?: string
  admin: { email: string; name: string; password: string }
}

/** An organisation and its first admin, written in one atomic batch. */
export async function createOrgWithAdmin(db: Db, input: NewOrg) {
  const orgId = crypto.randomUUID()
  const createdAt = nowIso()
  const admin = {
    id: crypto.randomUUID(),
    orgId,
    email: input.admin.email.trim().toLowerCase(),
    name: input.admin.name,
    role: 'admin' as Role,
    passwordHash: await hashPassword(input.admin.password),
    createdAt,
  }
  await db.batch([
    db.insert(organizations).values({ id: orgId, name: input.name, timeZone: input.timeZone ?? 'America/Chicago', createdAt }),
    db.insert(users).values(admin),
  ])
  return { orgId, adminId: admin.id }
}
