import { env } from 'cloudflare:workers'
import { asc } from 'drizzle-orm'
import { createDb } from '../../../worker/db/client'
import { lineItems, propays, statements } from '../../../worker/db/schema'

/** Every ProPay, line item and statement row, to prove a refused action changed nothing. */
export async function snapshot() {
  const db = createDb(env.DB)
  return {
    propays: await db.select().from(propays).orderBy(asc(propays.id)),
    lineItems: await db.select().from(lineItems).orderBy(asc(lineItems.id)),
    statements: await db.select().from(statements).orderBy(asc(statements.id)),
  }
}
