/**
 * Seeded reference data: employees with effective-dated pay rates, locations (job sites), cost codes
 * (with the built-in In and Out) and, for tenants that use them, first-class Jobs with sub-jobs.
 * @module
 */
import type { Rng } from '../../shared/prng'
import { addDays } from '../tenant/dates'
import type { CostCode, Employee, Job, Location } from '../tenant/types'

const FIRST = ['Ana', 'Ben', 'Carla', 'Dev', 'Elena', 'Frank', 'Gus', 'Hana', 'Ivan', 'Jada', 'Kofi', 'Lena', 'Marco', 'Nia', 'Omar', 'Pia', 'Quinn', 'Rosa', 'Sam', 'Tia']
const LAST = ['Alvarez', 'Brooks', 'Chen', 'Diaz', 'Evans', 'Flores', 'Garcia', 'Hughes', 'Ito', 'Jensen', 'Khan', 'Lopez', 'Moreno', 'Novak', 'Ortiz', 'Patel']
const SITES = ['Riverside Plaza', 'Maple Court', 'Harbor View', 'Oak Ridge School', 'Cedar Point', 'Lakeshore Clinic', 'Pine Hollow', 'Summit Tower', 'Elm Street Lofts', 'Granite Works']
const CITIES: Array<[string, string, number, number]> = [
  ['Chicago', 'IL', 41.88, -87.63],
  ['Naperville', 'IL', 41.75, -88.15],
  ['Evanston', 'IL', 42.04, -87.69],
]
const COST_CODES = ['Site Prep', 'Concrete', 'Framing', 'Irrigation', 'Planting', 'Hardscape', 'Cleanup', 'Travel']

export function generateEmployees(rng: Rng, count: number, firstDay: string, lastDay: string): Employee[] {
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[i % FIRST.length]!
    const last = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]!
    const hire = addDays(firstDay, -rng.int(30, 900))
    const base = Math.round(rng.between(19, 36) * 4) / 4
    const rates = [{ rate_code: 'REG', amount: base, effective_date: hire, is_base_rate: true }]
    if (rng.chance(0.3)) rates.push({ rate_code: 'REG', amount: base + 1.5, effective_date: addDays(firstDay, rng.int(1, 20)), is_base_rate: true })
    // One in twelve left during the window: still on older time cards, inactive now.
    const terminated = count >= 6 && i % 12 === 11 ? addDays(lastDay, -rng.int(3, 7)) : null
    return {
      person_id: 1001 + i,
      employee_id: `E${String(101 + i).padStart(4, '0')}`,
      first_name: first,
      last_name: last,
      email: `${first}.${last}${i}@example.test`.toLowerCase(),
      job_title: i % 5 === 0 ? 'Foreman' : 'Laborer',
      department: 'Field',
      is_active: terminated === null,
      hire_date: hire,
      termination_date: terminated,
      pay_rates: rates,
    }
  })
}

export function generateLocations(rng: Rng, count: number): Location[] {
  return Array.from({ length: count }, (_, i) => {
    const [city, state, lat, lon] = CITIES[i % CITIES.length]!
    const round = Math.floor(i / SITES.length)
    return {
      id: 201 + i,
      name: `${SITES[i % SITES.length]}${round ? ` ${round + 1}` : ''}`,
      code: `L${String(i + 1).padStart(3, '0')}`,
      address: { line1: `${100 + rng.int(1, 9800)} ${LAST[i % LAST.length]} Ave`, city, state, postal_code: String(60000 + rng.int(1, 999)) },
      latitude: Math.round((lat + rng.between(-0.05, 0.05)) * 1e5) / 1e5,
      longitude: Math.round((lon + rng.between(-0.05, 0.05)) * 1e5) / 1e5,
      is_active: true,
      used_for_time_and_attendance: true,
    }
  })
}

export function generateCostCodes(): CostCode[] {
  const builtIn: CostCode[] = [
    { id: 1, identifier: 'IN', name: 'In', is_active: true, cost_type_id: null, display_option: 'system' },
    { id: 2, identifier: 'OUT', name: 'Out', is_active: true, cost_type_id: null, display_option: 'system' },
  ]
  return [...builtIn, ...COST_CODES.map((name, i) => ({ id: 11 + i, identifier: String((i + 1) * 100), name, is_active: true, cost_type_id: 1, display_option: 'default' as const }))]
}

/** One job per location, every other one split into two phases (sub-jobs); time goes to the leaves. */
export function generateJobs(locations: Location[], firstDay: string): Job[] {
  const jobs: Job[] = []
  let id = 501
  for (const [i, location] of locations.entries()) {
    const parent: Job = {
      id: id++,
      identifier: `J-${1001 + i}`,
      name: location.name,
      is_active: true,
      start_date: firstDay,
      end_date: null,
      department: 'Field',
      parent_job_id: null,
      location_ids: [location.id],
      all_locations: false,
      is_certified: i % 4 === 3,
    }
    jobs.push(parent)
    if (i % 2 === 1) {
      for (const phase of [1, 2]) jobs.push({ ...parent, id: id++, identifier: `${parent.identifier}-${phase}`, name: `Phase ${phase}`, parent_job_id: parent.id, is_certified: false })
    }
  }
  return jobs
}

/** Jobs that take time at a location: sub-jobs where a job has them, else the job itself. */
export function leafJobsByLocation(jobs: Job[]): Map<number, Job[]> {
  const parents = new Set(jobs.map((j) => j.parent_job_id).filter((id): id is number => id !== null))
  const map = new Map<number, Job[]>()
  for (const job of jobs) {
    if (parents.has(job.id)) continue
    for (const locationId of job.location_ids) map.set(locationId, [...(map.get(locationId) ?? []), job])
  }
  return map
}
