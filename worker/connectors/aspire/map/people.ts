import type { CanonicalRow } from '../../../sync/connector'
import type { AspireContact, AspirePayRate } from '../types'
import { datePart, dollarsToCents, idString, percentToBasisPoints } from '../units'

export const mapEmployee = (c: AspireContact): CanonicalRow => ({
  externalId: String(c.ContactID),
  vendorModified: c.ModifiedDate ?? null,
  name: [c.FirstName, c.LastName].filter(Boolean).join(' ') || c.CompanyName || `Contact ${c.ContactID}`,
  email: c.Email ?? null,
  employeeNumber: c.EmployeeNumber ?? null,
  branchExternalId: idString(c.BranchID),
  active: c.Active ?? null,
  terminatedDate: datePart(c.TerminationDate),
})

/** A pay rate without a contact or an effective date cannot be placed in anyone's wage history. */
export const mapPayRate = (p: AspirePayRate): CanonicalRow | null =>
  p.ContactID && p.EffectiveDate && p.HourlyBasePay !== null && p.HourlyBasePay !== undefined
    ? {
        externalId: String(p.PayRateID),
        workerExternalId: String(p.ContactID),
        effectiveDate: datePart(p.EffectiveDate),
        hourlyCents: dollarsToCents(p.HourlyBasePay),
        burdenBasisPoints: percentToBasisPoints(p.BurdenPercent),
      }
    : null
