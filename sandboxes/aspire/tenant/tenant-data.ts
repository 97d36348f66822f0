/**
 * The tables of one tenant, plus the few facts Aspire keeps but the API does not expose as entities we
 * simulate (inventory locations, crew membership).
 * @module
 */
import { ENTITY_SET_NAMES, ENTITY_SETS, type EntitySet, type Row } from '../entities'
import { blankRecord } from '../spec/fields'
import { Table } from '../store/table'

export type TenantData = { [E in EntitySet]: Table<Row<E>> }

export interface InventoryLocation {
  id: number
  name: string
  branchId: number
}

export interface TenantExtras {
  inventoryLocations: Map<number, InventoryLocation>
  /** Contacts working on each route (Aspire does not expose membership). */
  routeMembers: Map<number, number[]>
}

// Distinct id ranges per entity, as in a real database, so an id used against the wrong entity misses.
const FIRST_KEYS: Record<EntitySet, number> = {
  Branches: 1,
  ContactTypes: 1,
  Contacts: 1001,
  PayRates: 501,
  Routes: 101,
  Properties: 2001,
  Opportunities: 3001,
  Jobs: 4001,
  WorkTickets: 10001,
  WorkTicketTimes: 100001,
  ClockTimes: 700001,
  WorkTicketItems: 20001,
  ItemAllocations: 40001,
  CatalogItems: 301,
}

export function createTenantData(): TenantData {
  const data = {} as Record<EntitySet, Table>
  for (const set of ENTITY_SET_NAMES) data[set] = new Table(ENTITY_SETS[set].key, FIRST_KEYS[set])
  return data as unknown as TenantData
}

export const createExtras = (): TenantExtras => ({ inventoryLocations: new Map(), routeMembers: new Map() })

const blanks = new Map<EntitySet, Record<string, unknown>>()

/** A full row of `set`: every schema key present, `values` on top. */
export function makeRow<E extends EntitySet>(set: E, values: Partial<Row<E>>): Row<E> {
  let blank = blanks.get(set)
  if (!blank) {
    blank = blankRecord(ENTITY_SETS[set].schema)
    blanks.set(set, blank)
  }
  // Clone the blank first and then assign: merging two spreads drops V8 off its fast path (6x slower).
  const row: Record<string, unknown> = { ...blank }
  for (const key in values) row[key] = values[key as keyof typeof values]
  return row as Row<E>
}
