import type { CanonicalRow } from '../../../sync/connector'
import type { AspireBranch, AspireProperty, AspireRoute } from '../types'
import { aspireTimeZone } from '../time-zone'
import { idString } from '../units'

export const mapBranch = (b: AspireBranch, orgTimeZone: string): CanonicalRow<'branches'> => ({
  externalId: String(b.BranchID),
  name: b.BranchName ?? `Branch ${b.BranchID}`,
  timeZone: aspireTimeZone(b.TimeZone, orgTimeZone),
  active: b.Active ?? null,
})

export const mapRoute = (r: AspireRoute): CanonicalRow<'routes'> => ({
  externalId: String(r.RouteID),
  name: r.RouteName ?? `Route ${r.RouteID}`,
  branchExternalId: idString(r.BranchID),
  crewLeaderExternalId: idString(r.CrewLeaderContactID),
  managerExternalId: idString(r.ManagerContactID),
  active: r.Active ?? null,
})

export const mapProperty = (p: AspireProperty): CanonicalRow<'clients'> => ({
  externalId: String(p.PropertyID),
  vendorModified: p.ModifiedDate ?? null,
  name: p.PropertyName ?? `Property ${p.PropertyID}`,
  branchExternalId: idString(p.BranchID),
  active: p.Active ?? null,
})
