/**
 * The write operations the sandbox simulates, each validated against its request schema and answered
 * with the thin response the spec declares (docs/vendors/aspire.md §9).
 * @module
 */
import type { Context } from 'hono'
import { ApiError } from '../api-error'
import { validateBody } from '../spec/validate-body'
import { insertClockTime, type ClockTimeInput } from '../tenant/clock-times'
import { insertAllocation, updateAllocation, type AllocationInput } from '../tenant/item-allocations'
import { insertPayRate, updatePayRate, type PayRateInput } from '../tenant/pay-rates'
import type { Tenant } from '../tenant/tenant'
import { API_USER, OFFICE_USER } from '../tenant/users'
import { insertWorkTicketTime, type WorkTicketTimeInput } from '../tenant/work-ticket-times'
import type { SandboxEnv } from './env'
import { jsonBody } from './identify-tenant'
import { writeResponse } from './write-response'

type Handler = (c: Context<SandboxEnv>, tenant: Tenant) => Promise<Response>

const body = async <T>(c: Context<SandboxEnv>, schema: string) => validateBody(`AspireCloud.ExternalApi.${schema}`, await jsonBody(c)) as T

/** Returns the new id as a JSON string. */
export const postWorkTicketTime: Handler = async (c, tenant) => {
  const row = insertWorkTicketTime(tenant, await body<WorkTicketTimeInput>(c, 'WorkTicketTimes.Model.WorkTicketTimeInsertRequest'), API_USER)
  return writeResponse(c, tenant, String(row.WorkTicketTimeID))
}

/** Returns `true` and no id: clients find the row again by ticket, item and date. */
export const postItemAllocation: Handler = async (c, tenant) => {
  insertAllocation(tenant, await body<AllocationInput>(c, 'Inventory.Models.AllocateFromInventoryPostRequest'), API_USER)
  return writeResponse(c, tenant, true)
}

/** The key travels as `ItemAllocationId` (irregular casing); returns the id as int32. */
export const putItemAllocation: Handler = async (c, tenant) => {
  const input = await body<AllocationInput & { ItemAllocationId: number }>(c, 'Inventory.Models.AllocateFromInventoryPutRequest')
  const row = updateAllocation(tenant, input.ItemAllocationId, input, API_USER)
  return writeResponse(c, tenant, row.ItemAllocationID)
}

/** PayRate writes declare no response body. */
export const postPayRate: Handler = async (c, tenant) => {
  insertPayRate(tenant, await body<PayRateInput>(c, 'PayRates.Model.Request.PayRateInsertRequest'))
  return writeResponse(c, tenant, undefined)
}

export const putPayRate: Handler = async (c, tenant) => {
  const input = await body<PayRateInput & { PayRateID: number }>(c, 'PayRates.Model.Request.PayRateUpdateRequest')
  updatePayRate(tenant, input.PayRateID, input)
  return writeResponse(c, tenant, undefined)
}

export const postClockTime: Handler = async (c, tenant) => {
  const row = insertClockTime(tenant, await body<ClockTimeInput>(c, 'ClockTimes.Model.ClockTimeInsertRequest'))
  return writeResponse(c, tenant, row.ClockTimeID)
}

export const markWorkTicketAsReviewed: Handler = async (c, tenant) => {
  const input = await body<{ WorkTicketID: number; ReviewedDateTime: string; ReviewedUserID: number }>(c, 'WorkTicketStatus.Model.MarkWorkTicketAsReviewedRequest')
  const ticket = tenant.data.WorkTickets.get(input.WorkTicketID)
  if (!ticket) throw new ApiError(400, `Work ticket ${input.WorkTicketID} was not found.`)
  // ReviewedUserID has minimum 1 in the spec, so like ContactID elsewhere it is effectively required.
  const reviewer = [OFFICE_USER, API_USER].find((user) => user.id === input.ReviewedUserID) ?? { id: input.ReviewedUserID, name: `User ${input.ReviewedUserID}` }
  Object.assign(ticket, { ReviewedDateTime: input.ReviewedDateTime, ReviewedUserID: reviewer.id, ReviewedUserName: reviewer.name })
  tenant.touch('WorkTickets', ticket, API_USER)
  return writeResponse(c, tenant, undefined)
}
