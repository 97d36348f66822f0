import type { CanonicalRow } from '../../../sync/connector'
import type { AspireContact, AspirePayRate } from '../types'
import { datePart, dollarsToCents, idString, percentToBasisPoints } from '../units'

export const mapEmployee = (c: AspireContact): CanonicalRow<'workers'> => ({
  externalId: String(c.ContactID),
  vendorModified: c.ModifiedDate ?? null,
  name: [c.FirstName, c.LastName].filter(Boolean).join(' ') || c.CompanyName || `Contact ${c.ContactID}`,
  email: c.Email ?? null,
  employeeNumber: c.EmployeeNumber ?? null,
  branchExternalId: idString(c.BranchID),
  active: c.Active ?? null,
  terminatedDate: datePart(c.TerminationDate),
})

/**
 * A pay rate without a contact (ContactID 0 is .NET's "none"), an effective date or an amount cannot be placed in
 * anyone's wage history: those stay empty here and the sync's value rules skip the wage, counting it for people.
 */
export const mapPayRate = (p: AspirePayRate): CanonicalRow<'wages'> => ({
  externalId: String(p.PayRateID),
  workerExternalId: p.ContactID ? String(p.ContactID) : null,
  effectiveDate: datePart(p.EffectiveDate),
  hourlyCents: dollarsToCents(p.HourlyBasePay),
  burdenBasisPoints: percentToBasisPoints(p.BurdenPercent),
})
