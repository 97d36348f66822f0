/**
 * Builds a tenant's data deterministically from a seed: the same seed, size, zone and anchor date give
 * the same rows, byte for byte.
 * @module
 */
import type { TenantConfig } from '../tenant/config'
import { createExtras, createTenantData, type TenantData, type TenantExtras } from '../tenant/tenant-data'
import type { TimeZoneNames } from '../time/zones'
import { createContext } from './context'
import { rollUpOpportunities } from './opportunities'
import { generatePeople } from './people'
import { createRng } from '../../shared/prng'
import { generateBranches, generateCatalog, generateContactTypes } from './reference'
import { scheduleTickets } from './schedule'
import { resolveSize, type SizeInput } from './sizes'
import { generateTickets } from './tickets'
import { makeHostile } from './hostile'
import { generateTimeEntries } from './time-entries'
import { generateWork } from './work'

export interface GenerateInput {
  seed: string
  size: SizeInput
  timeZone: string
  timeZoneNames: TimeZoneNames
  /** IANA zone of each branch in order, overriding the defaults (company zone first, then the cities'). */
  branchZones?: string[]
  /** `YYYY-MM-DD`; history ends the day before. */
  anchorDate: string
  config: TenantConfig
  /** Mix hostile names, absurd numbers, nulls and extreme dates into the data (hostile.ts). */
  hostile?: boolean
}

export function generateTenantData(input: GenerateInput): { data: TenantData; extras: TenantExtras } {
  const ctx = createContext({
    rng: createRng(input.seed),
    size: resolveSize(input.size),
    data: createTenantData(),
    extras: createExtras(),
    config: input.config,
    companyZone: input.timeZone,
    timeZoneNames: input.timeZoneNames,
    branchZones: input.branchZones ?? [],
    anchorDate: input.anchorDate,
  })
  generateContactTypes(ctx)
  generateBranches(ctx)
  generateCatalog(ctx)
  const people = generatePeople(ctx)
  const work = generateWork(ctx, people)
  scheduleTickets(ctx, work.tickets)
  generateTimeEntries(ctx, people.crews, work.tickets)
  const tickets = generateTickets(ctx, people, work)
  rollUpOpportunities(ctx, work, tickets)
  if (input.hostile) makeHostile(ctx, input.seed)
  return { data: ctx.data, extras: ctx.extras }
}
