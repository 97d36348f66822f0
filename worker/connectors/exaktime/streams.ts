/**
 * The ExakTime streams, reference data first and time last: cost codes, employees, their pay rates, jobs
 * (Locations or Arcoro Jobs, per connection) with one implicit milestone each, labor budgets from our
 * settings, and time records from the warehouse. Each on its own cadence (cadence.ts).
 * @module
 */
import type { Stream } from '../../sync/connector'
import { contractPriceOf, laborBudgetRow } from './budgets'
import { DAILY_MS, HOURLY_MS } from './intervals'
import { restPage } from './client'
import { arcoroJob, implicitMilestone, locationAsJob, mapCostCode, mapEmployee, mapJob, mapPayRates } from './map/reference'
import { restStream } from './rest-stream'
import type { ExakTimeCredentials, ExakTimeSettings } from './settings'
import { timeStream } from './time-stream'
import type { ExCostCode, ExEmployee, ExEmployment, ExJob, ExLocation } from './types'

const jobsPath = (s: ExakTimeSettings) => (s.jobSource === 'job' ? '/v1/Time/Jobs' : '/v1/Common/Locations')
const jobShapes = (rows: Array<ExJob | ExLocation>, s: ExakTimeSettings) => rows.map((r) => (s.jobSource === 'job' ? arcoroJob(r as ExJob) : locationAsJob(r as ExLocation)))
const jobsWhat = (s: ExakTimeSettings) => (s.jobSource === 'job' ? 'Jobs' : 'Locations')

export const exaktimeStreams = (): Stream<ExakTimeCredentials, ExakTimeSettings>[] => [
  restStream<ExCostCode, 'costCodes'>({ name: 'CostCodes', label: 'Cost codes', path: () => '/v1/Time/CostCodes', what: 'Cost Codes', table: 'costCodes', everyMs: HOURLY_MS, map: (rows) => rows.map(mapCostCode) }),
  restStream<ExEmployee, 'workers'>({ name: 'Employees', label: 'Employees', path: () => '/v1/Common/Persons/Employees', what: 'Employees', table: 'workers', everyMs: HOURLY_MS, map: (rows) => rows.map(mapEmployee) }),
  restStream<ExEmployee, 'wages'>({
    name: 'PayRates',
    label: 'Wages',
    path: () => '/v1/Common/Persons/Employees',
    what: 'Employees',
    table: 'wages',
    pageSize: 25,
    async map(rows, ctx) {
      const wages = []
      for (const e of rows) {
        const records = await restPage<ExEmployment>(ctx, `/v1/Common/Persons/${e.person_id}/Employees`, 1, 100, 'pay rates')
        wages.push(...mapPayRates(e.person_id, records.data))
      }
      return wages
    },
    everyMs: DAILY_MS,
  }),
  restStream<ExJob | ExLocation, 'jobs'>({
    name: 'Jobs',
    label: 'Jobs',
    path: jobsPath,
    what: jobsWhat,
    table: 'jobs',
    everyMs: HOURLY_MS,
    // The contract price is ours, kept in the settings.
    settingsKey: (s) => ({ jobSource: s.jobSource, jobBudgets: s.jobBudgets }),
    map: (rows, ctx) => jobShapes(rows, ctx.settings).map((j) => mapJob(j, contractPriceOf(ctx.settings, j.externalId))),
  }),
  restStream<ExJob | ExLocation, 'milestones'>({ name: 'Milestones', label: 'Job phases', path: jobsPath, what: jobsWhat, table: 'milestones', everyMs: HOURLY_MS, settingsKey: (s) => s.jobSource, map: (rows, ctx) => jobShapes(rows, ctx.settings).map(implicitMilestone) }),
  restStream<ExJob | ExLocation, 'budgets'>({
    name: 'LaborBudgets',
    label: 'Labor budgets',
    path: jobsPath,
    what: jobsWhat,
    table: 'budgets',
    deletionEquals: { column: 'kind', value: 'labor' },
    everyMs: HOURLY_MS,
    // Budgets come from our settings alone (budgets.ts): a person's edit shows with the next cycle, not the next hour.
    settingsKey: (s) => ({ jobSource: s.jobSource, laborBudget: s.laborBudget ?? null, jobBudgets: s.jobBudgets }),
    map: (rows, ctx) => jobShapes(rows, ctx.settings).flatMap((j) => laborBudgetRow(ctx.settings, j.externalId) ?? []),
  }),
  timeStream(),
]
