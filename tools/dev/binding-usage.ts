/**
 * What a handler used of its bindings, as counted by counting-bindings.ts. Free of Workers types, so the
 * Node-side benchmarks can read the reports too.
 * @module
 */

export interface BindingUsage {
  /** Statements run on their own (`first`, `run`, `all`, `raw`): one D1 round trip each. */
  d1Statements: number
  /** `batch()` calls: one round trip each, however many statements they carry. */
  d1Batches: number
  d1BatchedStatements: number
  d1Exec: number
  queueSends: number
  queueSendBatches: number
  messages: number
  messagesByKind: Record<string, number>
}

export const emptyUsage = (): BindingUsage => ({ d1Statements: 0, d1Batches: 0, d1BatchedStatements: 0, d1Exec: 0, queueSends: 0, queueSendBatches: 0, messages: 0, messagesByKind: {} })
