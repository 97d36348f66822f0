/**
 * How much data a tenant gets. Named sizes cover the usual cases; an object sets some counts and derives
 * the rest. Counts of work tickets and time entries are met closely (time entries exactly).
 * @module
 */

export interface SizeSpec {
  branches: number
  employees: number
  properties: number
  opportunities: number
  workTickets: number
  timeEntries: number
  catalogItems: number
  /** Calendar days of history ending the day before the anchor date. */
  days: number
}

export type SizeName = 'empty' | 'small' | 'demo' | 'large'
export type SizeInput = SizeName | Partial<SizeSpec>

export const SIZES: Record<SizeName, SizeSpec> = {
  empty: { branches: 0, employees: 0, properties: 0, opportunities: 0, workTickets: 0, timeEntries: 0, catalogItems: 0, days: 0 },
  small: { branches: 1, employees: 6, properties: 4, opportunities: 4, workTickets: 12, timeEntries: 90, catalogItems: 15, days: 14 },
  demo: { branches: 2, employees: 12, properties: 12, opportunities: 12, workTickets: 40, timeEntries: 600, catalogItems: 30, days: 28 },
  large: { branches: 4, employees: 300, properties: 400, opportunities: 500, workTickets: 2000, timeEntries: 250_000, catalogItems: 200, days: 182 },
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

export function resolveSize(size: SizeInput): SizeSpec {
  if (typeof size === 'string') return SIZES[size]
  const employees = size.employees ?? 12
  const workTickets = size.workTickets ?? 40
  const timeEntries = size.timeEntries ?? workTickets * 15
  const opportunities = size.opportunities ?? Math.max(1, Math.ceil(workTickets / 4))
  return {
    branches: size.branches ?? clamp(Math.ceil(employees / 80), 1, 4),
    employees,
    properties: size.properties ?? Math.max(1, Math.ceil(opportunities * 0.85)),
    opportunities,
    workTickets,
    timeEntries,
    catalogItems: size.catalogItems ?? 30,
    // About four rows per crew member per workday.
    days: size.days ?? clamp(Math.ceil((timeEntries / Math.max(1, employees * 4)) * 1.4), 7, 365),
  }
}
