/**
 * The account check: `GET /api/AccountInfo/GlobalInfo`, "cheapest call to verify auth" (BC-API), whose `builderId`
 * the job picker wants back (docs/vendors/buildertrend.md §16.5, §16.6). No public code reads `builderName`: the label
 * falls back to the builder id (§15.3).
 * @module
 */
import { VendorError } from '../../sync/vendor-error'
import { type BtContext, btApi } from './client'

export interface BtAccount {
  builderId: number
  label: string
}

const accounts = new WeakMap<BtContext, Promise<BtAccount>>()

async function readAccount(ctx: BtContext): Promise<BtAccount> {
  const info = await btApi<{ builderId?: unknown; BuilderId?: unknown; builderName?: unknown } | null>(ctx, '/api/AccountInfo/GlobalInfo')
  // BC-VERBS reads `builderId ?? BuilderId`.
  const builderId = Number(info?.builderId ?? info?.BuilderId)
  if (!Number.isInteger(builderId) || builderId <= 0) throw new VendorError('bad_response', 'Buildertrend did not say which company this account belongs to (no builderId in its account info).')
  const name = typeof info?.builderName === 'string' ? info.builderName.trim() : ''
  return { builderId, label: `Buildertrend: ${name || `builder ${builderId}`}` }
}

/** Read once per sync context. */
export function accountOf(ctx: BtContext): Promise<BtAccount> {
  let account = accounts.get(ctx)
  if (!account) {
    account = readAccount(ctx)
    account.catch(() => accounts.delete(ctx))
    accounts.set(ctx, account)
  }
  return account
}
