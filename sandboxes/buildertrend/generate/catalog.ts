/**
 * Names and codes the generator draws from. Cost code ids are company-wide (docs/vendors/buildertrend.md §9).
 * @module
 */
export const COST_CODES = [
  { id: 1001, title: '01 General Conditions' },
  { id: 1002, title: '02 Site Preparation' },
  { id: 1003, title: '03 Concrete' },
  { id: 1006, title: '06 Framing' },
  { id: 1009, title: '09 Drywall' },
  { id: 1016, title: '16 Electrical' },
] as const

export const FIRST_NAMES = ['Ana', 'Ben', 'Carla', 'Dmitri', 'Elena', 'Frank', 'Grace', 'Hector', 'Ines', 'Jamal', 'Kofi', 'Lena', 'Marco', 'Nadia', 'Omar', 'Priya']
export const LAST_NAMES = ['Alvarez', 'Brooks', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ivanova', 'Johnson', 'Kim', 'Lopez', 'Moreau', 'Nguyen']
export const JOB_STREETS = ['Maple', 'Oak', 'Cedar', 'Birch', 'Willow', 'Aspen', 'Elm', 'Pine', 'Juniper', 'Hawthorn']
export const JOB_KINDS = ['Kitchen Remodel', 'Basement Finish', 'Deck Build', 'Addition', 'Bath Remodel', 'New Build', 'Roof Replacement']

/** Dates Buildertrend uses for "no date". */
export const SENTINEL_DATES = ['0001-01-01T00:00:00', '2006-01-01T00:00:00', '2055-01-01T00:00:00']

export interface SizeSpec {
  jobs: number
  users: number
  /** Days of time clock history before today. */
  days: number
}

export const SIZES = {
  empty: { jobs: 0, users: 0, days: 0 },
  small: { jobs: 4, users: 3, days: 21 },
  demo: { jobs: 10, users: 8, days: 70 },
  large: { jobs: 280, users: 60, days: 365 },
} satisfies Record<string, SizeSpec>
export type SizeName = keyof typeof SIZES
