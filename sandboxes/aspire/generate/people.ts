/**
 * Employees (Contacts of type Employee), their effective-dated pay rates (some with a raise inside the
 * history window) and the crews they work in, published as Routes with a crew leader. Each branch gets
 * an operations manager who is on no crew; a few terminated employees have no recent time.
 * @module
 */
import type { Row } from '../entities'
import { makeRow } from '../tenant/tenant-data'
import { OFFICE_USER } from '../tenant/users'
import { DAY, MINUTE } from '../time/local-time'
import { contactTypeId } from './reference'
import type { GenContext } from './context'
import { distribute } from './distribute'
import { FIRST_NAMES, LAST_NAMES } from './word-lists'

export interface PayRatePlan {
  /** Wall ms of the effective date. */
  from: number
  rate: number
  burden: number
}

export interface EmployeePlan {
  contact: Row<'Contacts'>
  name: string
  branchId: number
  userId: number | null
  role: 'manager' | 'leader' | 'member' | 'terminated'
  /** Oldest first. */
  rates: PayRatePlan[]
}

export interface CrewPlan {
  route: Row<'Routes'>
  branchId: number
  division: 1 | 2
  leader: EmployeePlan
  members: EmployeePlan[]
}

export interface People {
  employees: EmployeePlan[]
  crews: CrewPlan[]
  managers: Map<number, EmployeePlan>
}

export const DIVISIONS = { 1: 'Maintenance', 2: 'Enhancements' } as const
const ROUTE_COLORS = ['#2e7d32', '#1565c0', '#ef6c00', '#6a1b9a', '#00838f', '#c62828', '#558b2f', '#4e342e']

/** The pay rate in force on a day: the latest one effective on or before it. */
export function rateOn(employee: EmployeePlan, day: number): PayRatePlan | undefined {
  let found: PayRatePlan | undefined
  for (const rate of employee.rates) if (rate.from <= day) found = rate
  return found
}

export function generatePeople(ctx: GenContext): People {
  const { rng, data } = ctx
  const branches = data.Branches.all()
  const people: People = { employees: [], crews: [], managers: new Map() }
  if (branches.length === 0 || ctx.size.employees === 0) return people
  const windowStart = ctx.anchor - ctx.size.days * DAY
  const firstNames = rng.shuffle(FIRST_NAMES)
  const lastNames = rng.shuffle(LAST_NAMES)
  const employeeTypeId = contactTypeId(ctx, 'Employee')
  const perBranch = distribute(
    ctx.size.employees,
    branches.map((_, index) => (index === 0 ? 1.5 : 1)),
  )

  let index = 0
  branches.forEach((branch, branchIndex) => {
    const count = perBranch[branchIndex]!
    const branchPeople: EmployeePlan[] = []
    for (let i = 0; i < count; i++, index++) {
      const first = firstNames[index % firstNames.length]!
      const last = lastNames[(index + Math.floor(index / firstNames.length)) % lastNames.length]!
      const role: EmployeePlan['role'] = i === 0 && count >= 4 ? 'manager' : rng.chance(0.03) ? 'terminated' : 'member'
      const hired = windowStart - rng.int(45, 2500) * DAY
      const terminated = role === 'terminated' ? windowStart - rng.int(2, 40) * DAY : null
      const created = hired + rng.int(8 * 60, 16 * 60) * MINUTE
      const modified = terminated ?? Math.min(created + rng.int(0, 300) * DAY, windowStart - DAY)
      const contact = data.Contacts.insert(
        makeRow('Contacts', {
          ContactTypeID: employeeTypeId,
          ContactTypeName: 'Employee',
          BranchID: branch.BranchID,
          BranchName: branch.BranchName,
          FirstName: first,
          LastName: last,
          Email: `${first}.${last}${index}@evergreen-landscaping.test`.toLowerCase(),
          MobilePhone: `(${branch.BranchPhone?.slice(1, 4) ?? '555'}) 555-${String(1000 + index).slice(-4)}`,
          Active: role !== 'terminated',
          CreatedDateTime: ctx.stamp(created),
          CreatedByUserID: OFFICE_USER.id,
          CreatedByUserName: OFFICE_USER.name,
          EmployeeNumber: `E${1000 + index}`,
          EmployeePin: String(1000 + ((index * 7919) % 9000)),
          TerminationDate: terminated === null ? null : ctx.stamp(terminated),
          PayScheduleID: 1,
          LastModifiedByUserId: OFFICE_USER.id,
          LastModifiedByUserName: OFFICE_USER.name,
          ModifiedDate: ctx.stamp(modified + 10 * 60 * MINUTE),
        }),
      )
      const plan: EmployeePlan = { contact, name: `${first} ${last}`, branchId: branch.BranchID, userId: null, role, rates: [] }
      plan.rates.push({ from: hired, rate: 0, burden: rng.int(18, 28) })
      branchPeople.push(plan)
      people.employees.push(plan)
    }
    const manager = branchPeople.find((plan) => plan.role === 'manager')
    if (manager) {
      people.managers.set(branch.BranchID, manager)
      branch.BranchManagerContactID = manager.contact.ContactID
      branch.BranchManagerContactName = manager.name
    }
    people.crews.push(...formCrews(ctx, branch, branchPeople.filter((plan) => plan.role === 'member'), manager, people.crews.length))
  })
  data.Branches.changed()

  for (const employee of people.employees) {
    const base = employee.role === 'manager' ? rng.between(30, 38) : employee.role === 'leader' ? rng.between(23, 30) : rng.between(16, 22)
    employee.rates[0]!.rate = Math.round(base * 4) / 4
    // Some active employees get a raise inside the history window.
    if (employee.role !== 'terminated' && ctx.workdays.length > 2 && rng.chance(0.3)) {
      const day = ctx.workdays[rng.int(1, ctx.workdays.length - 1)]!
      employee.rates.push({ from: day, rate: employee.rates[0]!.rate + rng.int(2, 12) / 4, burden: employee.rates[0]!.burden })
    }
    if (employee.role === 'leader' || employee.role === 'manager') {
      employee.userId = 200 + employee.contact.ContactID - 1000
      employee.contact.UserID = employee.userId
    }
    for (const rate of employee.rates) {
      data.PayRates.insert(
        makeRow('PayRates', {
          ContactID: employee.contact.ContactID,
          ContactName: employee.name,
          EffectiveDate: ctx.stamp(rate.from),
          HourlyBasePay: rate.rate,
          BurdenPercent: rate.burden,
        }),
      )
    }
  }
  return people
}

function formCrews(ctx: GenContext, branch: Row<'Branches'>, members: EmployeePlan[], manager: EmployeePlan | undefined, routeIndex: number): CrewPlan[] {
  const { rng } = ctx
  const shuffled = rng.shuffle(members)
  const groups: EmployeePlan[][] = []
  while (shuffled.length > 0) groups.push(shuffled.splice(0, rng.int(2, 5)))
  // A crew of one joins the crew before it.
  if (groups.length > 1 && groups.at(-1)!.length === 1) groups.at(-2)!.push(...groups.pop()!)
  return groups.map((group, i) => {
    const leader = group[0]!
    leader.role = 'leader'
    const division: 1 | 2 = groups.length >= 3 && i === groups.length - 1 ? 2 : 1
    const number = groups.slice(0, i + 1).filter((_, j) => (groups.length >= 3 && j === groups.length - 1 ? 2 : 1) === division).length
    const route = ctx.data.Routes.insert(
      makeRow('Routes', {
        BranchID: branch.BranchID,
        BranchName: branch.BranchName,
        RouteName: `${branch.BranchCode} ${division === 1 ? 'Maintenance' : 'Enhancement'} ${number}`,
        Color: ROUTE_COLORS[(routeIndex + i) % ROUTE_COLORS.length]!,
        CrewLeaderContactID: leader.contact.ContactID,
        CrewLeaderContactName: leader.name,
        Active: true,
        ManagerContactID: manager?.contact.ContactID ?? null,
        ManagerName: manager?.name ?? null,
        RouteSize: group.length,
        DivisionID: division,
        DivisionName: DIVISIONS[division],
        DisplayOrder: i + 1,
        PercentTravelTime: 10,
        ShowDailyPlan: true,
        AllowEquipmentTimeReporting: false,
      }),
    )
    ctx.extras.routeMembers.set(
      route.RouteID,
      group.map((member) => member.contact.ContactID),
    )
    return { route, branchId: branch.BranchID, division, leader, members: group }
  })
}
