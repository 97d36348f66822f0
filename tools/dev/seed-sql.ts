import { hashPassword } from '../../worker/auth/password'
import { DEMO } from './demo'

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`

/**
 * SQL that creates the demo organisation and its admin. `ON CONFLICT DO NOTHING` makes it idempotent:
 * running it again changes nothing, not even the password hash.
 */
export async function demoSeedSql(now = new Date().toISOString()): Promise<string> {
  const hash = await hashPassword(DEMO.password)
  return [
    `INSERT INTO organizations (id, name, time_zone, created_at) VALUES (${quote(DEMO.orgId)}, ${quote(DEMO.orgName)}, ${quote(DEMO.timeZone)}, ${quote(now)}) ON CONFLICT (id) DO NOTHING;`,
    `INSERT INTO users (id, org_id, email, name, role, password_hash, created_at) VALUES (${quote(DEMO.adminId)}, ${quote(DEMO.orgId)}, ${quote(DEMO.email)}, ${quote(DEMO.adminName)}, 'admin', ${quote(hash)}, ${quote(now)}) ON CONFLICT DO NOTHING;`,
  ].join('\n')
}
