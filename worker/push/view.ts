import type { PushRecordView } from '../../shared/api/push'
import type { pushRecords } from '../db/schema'

const stateText = (r: typeof pushRecords.$inferSelect) => {
  switch (r.state) {
    case 'pending':
      return 'Waiting to be sent to the vendor.'
    case 'sending':
      return r.lastError ? `Not confirmed yet (${r.lastError}); it will be checked and retried.` : 'Being sent to the vendor.'
    case 'pushed':
      return 'In the vendor’s system.'
    case 'failed':
      return `Not sent: ${r.lastError ?? 'the vendor refused it.'}`
    case 'conflict':
      return `Not sent: ${r.lastError ?? 'changed on both sides.'}`
  }
}

export const toPushView = (r: typeof pushRecords.$inferSelect): PushRecordView => ({
  id: r.id,
  connectionId: r.connectionId,
  kind: r.kind,
  operation: r.operation,
  state: r.state,
  stateText: stateText(r),
  vendorExternalId: r.vendorExternalId,
  payload: r.payload,
  attempts: r.attempts,
  lastError: r.lastError,
  createdAt: r.createdAt,
  pushedAt: r.pushedAt,
})
