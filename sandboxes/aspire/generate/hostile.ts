/**
 * The `hostile: true` tenant option: after normal generation, names get markup, script, SQL, bidi overrides,
 * zero-width characters and emoji, and a few records of each kind get absurd numbers, nulls and .NET's
 * `DateTime.MinValue`/`MaxValue`. Everything stays within what Aspire's API could send according to its OpenAPI
 * document (types, nullability, maxLength), so the contract test holds for hostile tenants too: Aspire is typed
 * .NET, so there are no numbers-as-strings and no impossible calendar dates here (the other sandboxes have those).
 *
 * Deterministic: its own random stream from the seed, so the underlying data is the same as without the option
 * (plus a few extra pay rates).
 * Which records were made unusable is up to the client's rules; the sandbox only makes them hostile.
 * @module
 */
import { ENTITY_SETS, type EntitySet } from '../entities'
import { hostileName } from '../../shared/hostile-text'
import { fieldsOf } from '../spec/fields'
import { makeRow } from '../tenant/tenant-data'
import type { GenContext } from './context'
import { createRng, type Rng } from '../../shared/prng'

/** The name-like strings per entity: every one of them gets hostile text. */
const NAME_FIELDS: Partial<Record<EntitySet, string[]>> = {
  Branches: ['BranchName'],
  Contacts: ['FirstName', 'LastName', 'CompanyName', 'BranchName'],
  PayRates: ['ContactName'],
  Routes: ['RouteName', 'CrewLeaderContactName', 'ManagerName', 'BranchName'],
  Properties: ['PropertyName', 'BranchName'],
  Opportunities: ['OpportunityName', 'PropertyName', 'BranchName'],
  WorkTickets: ['BranchName', 'CrewLeaderContactName'],
  WorkTicketTimes: ['ContactName', 'RouteName', 'BranchName', 'CrewLeaderContactName'],
  WorkTicketItems: ['ItemName'],
  ItemAllocations: ['ItemName'],
  CatalogItems: ['ItemName'],
}

export const DATETIME_MIN = '0001-01-01T00:00:00'
export const DATETIME_MAX = '9999-12-31T23:59:59'

type Values = Record<string, unknown>

/** Absurd values, each applied to its own record (picked at random) of the entity. */
const MUTATIONS: Partial<Record<EntitySet, Values[]>> = {
  WorkTicketTimes: [
    { Hours: -8 },
    { Hours: 1e9 },
    { Hours: 25 },
    { Hours: null },
    { OTHours: -1 },
    { BaseHourlyRate: 1e15, BurdenedCost: 1e15 },
    { BaseHourlyRate: -5 },
    { BaseHourlyRate: 0 },
    { WorkTicketTimeDate: null },
    { WorkTicketTimeDate: '9999-12-31T00:00:00' },
    { StartTime: DATETIME_MIN, EndTime: DATETIME_MAX },
    { ContactID: null, ContactName: null },
    { WorkTicketID: null },
    { ContactID: 999_999 },
    { BranchTimeZone: "'; DROP TABLE jobs;--" },
    { LastModifiedDateTime: DATETIME_MAX },
  ],
  Opportunities: [
    { WonDollars: 1e15 },
    { EstimatedLaborHours: -40 },
    { EstimatedLaborHours: 1e9, EstimatedLaborCost: 1e15 },
    { EstimatedDollars: -5, WonDollars: null },
    { StartDate: DATETIME_MIN, EndDate: DATETIME_MAX },
    { OpportunityName: null },
  ],
  WorkTickets: [{ HoursEst: 1e9 }, { HourCostEst: -5 }, { HoursAct: -3 }, { ScheduledStartDate: DATETIME_MIN }, { OpportunityID: null }],
  ItemAllocations: [{ ItemQuantity: 1e15 }, { ItemUnitCost: 1e15, ItemTotalCost: -1e15 }],
  WorkTicketItems: [{ ItemCost: 1e15 }, { ItemQuantityExtended: -1 }],
  Contacts: [{ FirstName: null, LastName: null, CompanyName: null }, { TerminationDate: DATETIME_MIN }, { Email: '"><svg onload=window.__xss=1>@x.test' }],
}

/**
 * Pay rates are added rather than changed, each for an employee who keeps a real rate: a wage history that lost
 * its only rate would block every ProPay the person worked on, and hide the rest of the story.
 */
const EXTRA_PAY_RATES: Values[] = [
  { HourlyBasePay: 0 },
  { HourlyBasePay: -12.5 },
  { HourlyBasePay: 1e15 },
  { HourlyBasePay: null },
  { HourlyBasePay: 21, BurdenPercent: 1e9 },
  { HourlyBasePay: 22, EffectiveDate: null },
  { HourlyBasePay: 23, EffectiveDate: DATETIME_MIN },
  { HourlyBasePay: 24, ContactID: 0 },
]

function addPayRates(rng: Rng, ctx: Pick<GenContext, 'data'>) {
  const rates = ctx.data.PayRates.all()
  if (!rates.length) return
  for (const values of EXTRA_PAY_RATES) {
    const base = rates[rng.int(0, rates.length - 1)]!
    // Dated long before the history, so the employee's real rates stay the ones in force.
    ctx.data.PayRates.insert(makeRow('PayRates', { ContactID: base.ContactID, ContactName: base.ContactName, EffectiveDate: '2000-01-03T00:00:00', BurdenPercent: base.BurdenPercent, ...values }))
  }
}

function hostileNames(set: EntitySet, rows: readonly Values[]) {
  const fields = NAME_FIELDS[set]
  if (!fields) return
  const maxLength = new Map(fieldsOf(ENTITY_SETS[set].schema).map((f) => [f.name, f.maxLength]))
  // Each field cycles through every payload down the rows; fields of one row start at different payloads.
  rows.forEach((row, rowIndex) => {
    fields.forEach((field, fieldIndex) => {
      const value = row[field]
      if (typeof value === 'string' && value) row[field] = hostileName(value, rowIndex + fieldIndex * 3, maxLength.get(field))
    })
  })
}

function mutate(rng: Rng, set: EntitySet, rows: readonly Values[]) {
  const mutations = MUTATIONS[set] ?? []
  // Employees only, for Contacts: those are the ones a sync reads.
  const candidates = set === 'Contacts' ? rows.filter((r) => r.ContactTypeName === 'Employee' && r.UserID === null) : rows
  const picked = rng.shuffle(candidates).slice(0, mutations.length)
  picked.forEach((row, i) => Object.assign(row, mutations[i]))
}

export function makeHostile(ctx: Pick<GenContext, 'data'>, seed: string) {
  const rng = createRng(`${seed}|hostile`)
  addPayRates(rng, ctx)
  for (const set of Object.keys(ENTITY_SETS) as EntitySet[]) {
    const rows = ctx.data[set].all() as readonly Values[]
    mutate(rng, set, rows)
    hostileNames(set, rows)
    ctx.data[set].changed()
  }
}
