/**
 * Checks shared by the hostile-vendor sync tests: the bonus API answers for a connection synced from a hostile
 * sandbox tenant are well-formed (every number finite, every `…Cents` a safe integer), and whatever can be
 * approved approves into statements that are just as clean.
 * @module
 */
import { expect } from 'vitest'
import { ConnectionView } from '../../shared/api/connections'
import { JobDetail, JobList, ReviewQueue } from '../../shared/api/jobs'
import { ProPayDetail, ProPayList } from '../../shared/api/propays'
import { StatementList, StatementView } from '../../shared/api/statements'
import { call } from './fixtures'

/** Every number in a JSON answer, with where it sits: `propays[3].figures.bonusPoolCents`. */
export function numbersIn(value: unknown, path = '$'): Array<{ path: string; value: number }> {
  if (typeof value === 'number') return [{ path, value }]
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`))
  return []
}

/** JSON can't carry NaN or Infinity (they become null), so the raw text is checked for them too. */
export function expectCleanNumbers(text: string, what: string) {
  expect(text, `${what} mentions NaN or Infinity`).not.toMatch(/NaN|Infinity/)
  for (const { path, value } of numbersIn(JSON.parse(text))) {
    expect(Number.isFinite(value), `${what} ${path} = ${value}`).toBe(true)
    if (/cents$/i.test(path)) expect(Number.isSafeInteger(value), `${what} ${path} = ${value} is not integer cents`).toBe(true)
  }
}

async function getClean(path: string, token: string): Promise<unknown> {
  const res = await call(path, { token })
  const text = await res.text()
  expect(res.status, `${path}: ${text.slice(0, 300)}`).toBe(200)
  expectCleanNumbers(text, path)
  return JSON.parse(text)
}

export const connectionView = async (token: string, id: string) => ConnectionView.parse(await getClean(`/api/v1/connections/${id}`, token))

/**
 * Reads every bonus answer for the organisation — jobs, ProPays, review queue, statements — checking numbers, then
 * approves what is approvable and reads the statements that produces. Returns what it saw, for further checks.
 */
export async function checkBonusAnswers(token: string) {
  const jobs = JobList.parse(await getClean('/api/v1/jobs?limit=500', token)).jobs
  for (const job of jobs) JobDetail.parse(await getClean(`/api/v1/jobs/${job.id}`, token))
  const propays = ProPayList.parse(await getClean('/api/v1/propays?limit=500', token)).propays
  const details = []
  for (const p of propays) details.push(ProPayDetail.parse(await getClean(`/api/v1/propays/${p.id}`, token)))
  ReviewQueue.parse(await getClean('/api/v1/review-queue', token))
  let approved = 0
  for (const detail of details.filter((d) => d.approvable)) {
    const res = await call(`/api/v1/propays/${detail.id}/approve`, { method: 'POST', token, json: {} })
    const text = await res.text()
    expect(res.status, text.slice(0, 300)).toBe(200)
    expectCleanNumbers(text, `approve ${detail.id}`)
    approved++
  }
  const statements = StatementList.parse(await getClean('/api/v1/statements?limit=500', token)).statements
  for (const s of statements) StatementView.parse(await getClean(`/api/v1/statements/${s.id}`, token))
  return { jobs, propays: details, approved, statements }
}
