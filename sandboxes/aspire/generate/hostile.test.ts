import { describe, expect, it } from 'vitest'
import { ENTITY_SET_NAMES } from '../entities'
import { DEFAULT_TENANT_CONFIG } from '../tenant/config'
import { harness, q } from '../test/harness'
import { describeErrors, responseValidator } from '../test/openapi-validator'
import { MARKUP_PAYLOADS } from '../../shared/hostile-text'
import { generateTenantData, type GenerateInput } from './generate'
import { DATETIME_MAX, DATETIME_MIN } from './hostile'

const INPUT: GenerateInput = { seed: 'h', size: 'demo', timeZone: 'America/Chicago', timeZoneNames: 'iana', anchorDate: '2026-11-18', config: DEFAULT_TENANT_CONFIG }

type Rows = Array<Record<string, unknown>>
const tables = (input: GenerateInput): Record<string, Rows> =>
  Object.fromEntries(Object.entries(generateTenantData(input).data).map(([set, table]) => [set, table.all() as unknown as Rows]))

describe('hostile tenants', () => {
  const plain = tables(INPUT)
  const hostile = tables({ ...INPUT, hostile: true })

  it('should be deterministic from the seed and keep the records it has without the option, plus eight pay rates', () => {
    expect(JSON.stringify(tables({ ...INPUT, hostile: true }))).toBe(JSON.stringify(hostile))
    for (const set of ENTITY_SET_NAMES) expect(hostile[set]!.length, set).toBe(plain[set]!.length + (set === 'PayRates' ? 8 : 0))
    expect(JSON.stringify(hostile)).not.toBe(JSON.stringify(plain))
  })

  it('should put markup into every name-like string', () => {
    const opportunities = hostile.Opportunities!
    const named = opportunities.filter((o) => o.OpportunityName !== null)
    expect(named.length).toBe(opportunities.length - 1)
    for (const o of named) expect(o.OpportunityName).toMatch(/[<>'"\u202E\u200B]|👷/u)
    const employees = hostile.Contacts!.filter((c) => c.ContactTypeName === 'Employee')
    for (const payload of MARKUP_PAYLOADS.slice(0, 3)) expect(employees.some((e) => typeof e.FirstName === 'string' && e.FirstName.startsWith(payload)), payload).toBe(true)
    expect(employees.some((e) => e.FirstName === null)).toBe(true)
  })

  it('should carry absurd numbers, nulls and .NET extreme dates', () => {
    const times = hostile.WorkTicketTimes!
    expect(times.map((t) => t.Hours)).toEqual(expect.arrayContaining([-8, 1e9, 25, null]))
    expect(times.some((t) => t.StartTime === DATETIME_MIN && t.EndTime === DATETIME_MAX)).toBe(true)
    expect(times.some((t) => t.ContactID === null)).toBe(true)
    expect(hostile.PayRates!.map((p) => p.HourlyBasePay)).toEqual(expect.arrayContaining([0, -12.5, 1e15, null]))
    expect(hostile.Opportunities!.some((o) => o.WonDollars === 1e15)).toBe(true)
  })

  it.each(ENTITY_SET_NAMES)('should still serve GET /%s as the OpenAPI document allows', async (set) => {
    const h = await harness({ size: 'demo', hostile: true })
    const validate = responseValidator(`/${set}`, 'get')
    const body = await h.get<unknown[]>(`/${set}${q({ $limit: 1000 })}`)
    expect(validate(body), describeErrors(validate)).toBe(true)
  })

  it('should say so in the tenant summary', async () => {
    const h = await harness({ hostile: true })
    expect(await (await h.control(`/tenants/${h.tenant.clientId}`)).json()).toMatchObject({ hostile: true })
  })
})
