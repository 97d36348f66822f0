/**
 * Effective-dated wages. The rate for a work date is the row with the latest EffectiveDate on or before
 * it (docs/vendors/aspire.md §7; the rule itself is unverified).
 * @module
 */
import { badRequest } from '../api-error'
import type { Row } from '../entities'
import { makeRow } from './tenant-data'
import type { Tenant } from './tenant'

export function payRateOn(tenant: Tenant, contactId: number, wallDate: string): Row<'PayRates'> | undefined {
  let found: Row<'PayRates'> | undefined
  for (const rate of tenant.data.PayRates.all()) {
    if (rate.ContactID !== contactId || rate.EffectiveDate === null || rate.EffectiveDate > wallDate) continue
    if (!found || rate.EffectiveDate > found.EffectiveDate! || (rate.EffectiveDate === found.EffectiveDate && rate.PayRateID > found.PayRateID)) found = rate
  }
  return found
}

export interface PayRateInput {
  ContactID: number
  EffectiveDate: string
  HourlyBasePay: number | null
  BurdenPercent: number
}

const contactName = (tenant: Tenant, contactId: number) => {
  const contact = tenant.data.Contacts.get(contactId)
  if (!contact) throw badRequest(`Contact ${contactId} was not found.`, { ContactID: [`Contact ${contactId} was not found.`] })
  return [contact.FirstName, contact.LastName].filter(Boolean).join(' ')
}

export function insertPayRate(tenant: Tenant, input: PayRateInput): Row<'PayRates'> {
  return tenant.data.PayRates.insert(makeRow('PayRates', { ...input, ContactName: contactName(tenant, input.ContactID) }))
}

export function updatePayRate(tenant: Tenant, id: number, input: PayRateInput): Row<'PayRates'> {
  if (!tenant.data.PayRates.get(id)) throw badRequest(`PayRate ${id} was not found.`, { PayRateID: [`PayRate ${id} was not found.`] })
  return tenant.data.PayRates.update(id, { ...input, ContactName: contactName(tenant, input.ContactID) })!
}

/** Sets the rate of a contact from a date on: updates the row for that exact date or adds one. */
export function upsertPayRate(tenant: Tenant, input: PayRateInput): Row<'PayRates'> {
  const existing = tenant.data.PayRates.all().find((rate) => rate.ContactID === input.ContactID && rate.EffectiveDate === input.EffectiveDate)
  return existing ? updatePayRate(tenant, existing.PayRateID, input) : insertPayRate(tenant, input)
}
