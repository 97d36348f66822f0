/**
 * Customer sites and the work sold on them: Properties (each with a billing contact), won Opportunities of
 * type Contract (recurring maintenance) or Work Order (one-time), and a plan for every work ticket. Ticket
 * rows themselves are written after time entries exist, because their actuals and status depend on them.
 * @module
 */
import type { Row } from '../entities'
import { makeRow } from '../tenant/tenant-data'
import { OFFICE_USER } from '../tenant/users'
import { DAY, MINUTE } from '../time/local-time'
import type { GenContext } from './context'
import { distribute } from './distribute'
import { DIVISIONS, type CrewPlan, type People } from './people'
import { contactTypeId } from './reference'
import { BRANCHES, CONTRACT_SERVICES, FIRST_NAMES, LAST_NAMES, PROPERTY_PREFIXES, PROPERTY_SUFFIXES, STREETS, STREET_TYPES, WORK_ORDER_NAMES } from './word-lists'

export interface OpportunityPlan {
  row: Row<'Opportunities'>
  property: Row<'Properties'>
  type: 'Contract' | 'Work Order'
  branchId: number
  tickets: TicketPlan[]
}

export interface TicketPlan {
  id: number
  number: number
  opportunity: OpportunityPlan
  crew: CrewPlan | undefined
  serviceId: number
  occur: number
  occurrences: number
  state: 'worked' | 'future' | 'canceled'
  /** Workday indexes of the first and last day with time (worked tickets). */
  startDay: number
  endDay: number
  /** Scheduled start of a ticket that has no time yet (wall ms), or null when unscheduled. */
  scheduledDate: number | null
  hours: number
  distributedHours: number
  laborCost: number
  /** Latest time entry creation (wall ms); 0 when none. */
  lastActivity: number
}

export interface Work {
  opportunities: OpportunityPlan[]
  tickets: TicketPlan[]
}

const DIVISION_CODES = { 1: 'MAINT', 2: 'ENH' } as const

export function generateWork(ctx: GenContext, people: People): Work {
  const { rng, data } = ctx
  const work: Work = { opportunities: [], tickets: [] }
  const branches = data.Branches.all()
  if (branches.length === 0) return work
  const windowStart = ctx.anchor - ctx.size.days * DAY

  // Properties follow the crews: a branch with more crew members serves more sites.
  const crewWeight = branches.map((branch) => Math.max(0.5, people.crews.filter((crew) => crew.branchId === branch.BranchID).reduce((n, crew) => n + crew.members.length, 0)))
  const propertiesPerBranch = distribute(ctx.size.properties, crewWeight)
  const customerTypeId = contactTypeId(ctx, 'Customer')
  const properties: Row<'Properties'>[] = []
  const names = new Set<string>()
  branches.forEach((branch, branchIndex) => {
    const manager = people.managers.get(branch.BranchID)
    for (let i = 0; i < propertiesPerBranch[branchIndex]!; i++) {
      let name = `${rng.pick(PROPERTY_PREFIXES)} ${rng.pick(PROPERTY_SUFFIXES)}`
      for (let n = 2; names.has(name); n++) name = `${name.replace(/ #\d+$/, '')} #${n}`
      names.add(name)
      const created = windowStart - rng.int(60, 1500) * DAY + rng.int(8 * 60, 17 * 60) * MINUTE
      const { lat, lng } = BRANCHES.find((seed) => seed.city === branch.BranchAddressCity) ?? BRANCHES[0]!
      const property = data.Properties.insert(
        makeRow('Properties', {
          PropertyStatusID: 1,
          PropertyStatusName: 'Customer',
          BranchID: branch.BranchID,
          BranchName: branch.BranchName,
          BranchCode: branch.BranchCode,
          AccountOwnerContactID: manager?.contact.ContactID ?? null,
          AccountOwnerContactName: manager?.name ?? null,
          ProductionManagerContactID: manager?.contact.ContactID ?? null,
          ProductionManagerContactName: manager?.name ?? null,
          PropertyAddressLine1: `${rng.int(100, 9999)} ${rng.pick(STREETS)} ${rng.pick(STREET_TYPES)}`,
          PropertyAddressCity: branch.BranchAddressCity,
          PropertyAddressStateProvinceCode: branch.BranchAddressStateProvinceCode,
          PropertyAddressZipCode: branch.BranchAddressZipCode,
          PropertyName: name,
          PropertyNameAbr: name.slice(0, 20),
          Active: true,
          EmailInvoice: true,
          Budget: rng.int(40, 600) * 100,
          CreatedByUserID: OFFICE_USER.id,
          CreatedByUserName: OFFICE_USER.name,
          CreatedDate: ctx.stamp(created),
          GEOLocationLatitude: Math.round((lat + rng.between(-0.15, 0.15)) * 1e6) / 1e6,
          GEOLocationLongitude: Math.round((lng + rng.between(-0.15, 0.15)) * 1e6) / 1e6,
          GEOPerimeter: 150,
          PaymentTermsID: 1,
          PaymentTermsName: 'Net 30',
          SeparateInvoices: false,
          ModifiedByUserID: OFFICE_USER.id,
          ModifiedByUserName: OFFICE_USER.name,
          ModifiedDate: ctx.stamp(Math.min(created + rng.int(1, 400) * DAY, windowStart - DAY)),
          DragDropGeoLocation: false,
          PropertyTypeID: name.endsWith('HOA') ? 2 : 1,
          PropertyType: name.endsWith('HOA') ? 'HOA' : 'Commercial',
        }),
      )
      properties.push(property)
      const first = rng.pick(FIRST_NAMES)
      const last = rng.pick(LAST_NAMES)
      data.Contacts.insert(
        makeRow('Contacts', {
          CompanyName: name,
          ContactTypeID: customerTypeId,
          ContactTypeName: 'Customer',
          BranchID: branch.BranchID,
          BranchName: branch.BranchName,
          FirstName: first,
          LastName: last,
          Title: 'Property Manager',
          Email: `${first}.${last}@${name.toLowerCase().replace(/[^a-z]+/g, '')}.test`.toLowerCase(),
          OfficePhone: `${branch.BranchPhone?.slice(0, 6) ?? '(555)'} 555-${String(rng.int(1000, 9999))}`,
          Active: true,
          CreatedDateTime: property.CreatedDate,
          CreatedByUserID: OFFICE_USER.id,
          CreatedByUserName: OFFICE_USER.name,
          LastModifiedByUserId: OFFICE_USER.id,
          LastModifiedByUserName: OFFICE_USER.name,
          ModifiedDate: property.ModifiedDate,
        }),
      )
    }
  })
  if (properties.length === 0) return work

  const year = new Date(ctx.anchor).getUTCFullYear()
  for (let i = 0; i < ctx.size.opportunities; i++) {
    const property = i < properties.length ? properties[i]! : rng.pick(properties)
    const type = rng.chance(0.6) ? 'Contract' : 'Work Order'
    const division = type === 'Contract' ? 1 : 2
    const branch = data.Branches.get(property.BranchID!)!
    const manager = people.managers.get(branch.BranchID)
    const won = windowStart - rng.int(5, 120) * DAY + rng.int(9 * 60, 17 * 60) * MINUTE
    const created = won - rng.int(5, 45) * DAY
    const row = data.Opportunities.insert(
      makeRow('Opportunities', {
        PropertyID: property.PropertyID,
        PropertyName: property.PropertyName,
        OpportunityStatusID: 5,
        OpportunityStatusName: 'Won',
        OpportunityStatus: 'Won',
        SalesRepContactID: manager?.contact.ContactID ?? null,
        SalesRepContactName: manager?.name ?? null,
        OperationsManagerContactID: manager?.contact.ContactID ?? null,
        OperationsManagerContactName: manager?.name ?? null,
        DivisionID: division,
        DivisionName: DIVISIONS[division],
        DivisionCode: DIVISION_CODES[division],
        BranchID: branch.BranchID,
        BranchName: branch.BranchName,
        BranchCode: branch.BranchCode,
        RegionName: branch.RegionName,
        OpportunityType: type,
        OpportunityName: type === 'Contract' ? `${year} Grounds Maintenance - ${property.PropertyName}` : `${rng.pick(WORK_ORDER_NAMES)} - ${property.PropertyName}`,
        OpportunityNumber: 1001 + i,
        RealOpportunityNumber: 1001 + i,
        StartDate: ctx.stamp(type === 'Contract' ? Date.UTC(year, 0, 1) : won + 7 * DAY - (won % DAY)),
        EndDate: ctx.stamp(type === 'Contract' ? Date.UTC(year, 11, 31) : won + 120 * DAY - (won % DAY)),
        CreatedDateTime: ctx.stamp(created),
        ProposedDate: ctx.stamp(created + 2 * DAY),
        WonDate: ctx.stamp(won),
        Probability: 100,
        InvoiceType: type === 'Contract' ? 'Fixed Payment' : 'Fixed Price on Completion',
        CreatedByUserID: OFFICE_USER.id,
        CreatedByUserName: OFFICE_USER.name,
        ClosedUserID: OFFICE_USER.id,
        ClosedUserName: OFFICE_USER.name,
        ModifiedByUserID: OFFICE_USER.id,
        ModifiedByUserName: OFFICE_USER.name,
        ModifiedDate: ctx.stamp(won + 10 * MINUTE),
        JobStatusName: 'In Process',
        OpportunityStageName: 'Won',
        PercentComplete: 0,
      }),
    )
    work.opportunities.push({ row, property, type, branchId: branch.BranchID, tickets: [] })
  }

  planTickets(ctx, people, work)
  return work
}

function planTickets(ctx: GenContext, people: People, work: Work): void {
  const { rng } = ctx
  const opportunities = work.opportunities
  const total = ctx.size.workTickets
  // At least one ticket per opportunity when there are enough; contracts carry more occurrences.
  const base = total >= opportunities.length ? 1 : 0
  const extra = distribute(
    total - base * opportunities.length,
    opportunities.map((opportunity) => (opportunity.type === 'Contract' ? 4 : 1.5)),
  )
  const counts = opportunities.map((_, i) => (i < total ? base : 0) + extra[i]!)
  let id = ctx.data.WorkTickets.peekNextKey()
  opportunities.forEach((opportunity, i) => {
    const count = counts[i]!
    const services = opportunity.type === 'Contract' ? Math.min(count, rng.int(1, Math.min(3, CONTRACT_SERVICES.length))) : 1
    const perService = distribute(count, Array.from({ length: services }, () => 1))
    const crew = pickCrew(people.crews, opportunity)
    perService.forEach((occurrences, s) => {
      for (let occur = 1; occur <= occurrences; occur++) {
        const roll = rng.next()
        const state: TicketPlan['state'] = !crew || roll >= 0.97 ? (roll >= 0.97 ? 'canceled' : 'future') : roll < 0.85 ? 'worked' : 'future'
        const plan: TicketPlan = {
          id,
          number: 5000 + (id - 10000),
          opportunity,
          crew,
          serviceId: opportunity.row.OpportunityID * 10 + s + 1,
          occur,
          occurrences,
          state,
          startDay: -1,
          endDay: -1,
          scheduledDate: null,
          hours: 0,
          distributedHours: 0,
          laborCost: 0,
          lastActivity: 0,
        }
        id++
        opportunity.tickets.push(plan)
        work.tickets.push(plan)
      }
    })
  })
}

function pickCrew(crews: CrewPlan[], opportunity: OpportunityPlan): CrewPlan | undefined {
  const division = opportunity.type === 'Contract' ? 1 : 2
  const inBranch = crews.filter((crew) => crew.branchId === opportunity.branchId)
  const candidates = inBranch.filter((crew) => crew.division === division)
  const pool = candidates.length > 0 ? candidates : inBranch.length > 0 ? inBranch : crews
  // Spread opportunities over the pool deterministically.
  return pool.length === 0 ? undefined : pool[opportunity.row.OpportunityID % pool.length]
}
