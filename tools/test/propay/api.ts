/**
 * Calls the app and reads its JSON answer through the contract's schemas, for the ProPay engine's tests.
 * @module
 */
import { expect } from 'vitest'
import type { z } from 'zod'
import { contract, type EndpointName } from '../../../shared/api/contract'
import { ErrorBody } from '../../../shared/api/errors'
import { call } from '../fixtures'

export interface Sent {
  method?: string
  json?: unknown
}

/** A request expected to succeed with `status`; the body is parsed by the endpoint's response schema. */
export async function ok<N extends EndpointName>(name: N, token: string, path: string, sent: Sent = {}, status = 200) {
  const res = await call(path, { method: sent.method ?? contract[name].method, token, json: sent.json })
  const text = await res.text()
  expect(res.status, `${name} ${path}: ${text}`).toBe(status)
  return contract[name].response.parse(JSON.parse(text)) as z.output<(typeof contract)[N]['response']>
}

/** A request expected to fail with `status`; returns the error body. */
export async function fails(path: string, token: string, status: number, sent: Sent = {}) {
  const res = await call(path, { method: sent.method ?? 'GET', token, json: sent.json })
  const text = await res.text()
  expect(res.status, `${sent.method ?? 'GET'} ${path}: ${text}`).toBe(status)
  return ErrorBody.parse(JSON.parse(text)).error
}
