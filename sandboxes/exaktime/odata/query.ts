/**
 * Runs one OData collection GET over a warehouse entity set: `$filter`, `$select`, `$orderby` (several
 * fields, `asc`/`desc`), `$skip`, `$top` (1–1000, default 100). A result cut by the default page size
 * carries `@odata.nextLink`; an explicit `$top` never does (the client asked for that many).
 * @module
 */
import { ODataError } from '../../shared/odata/odata-error'
import type { DwRow, EntitySet } from './entity-sets'
import { compileFilter } from './filter'

export const MAX_TOP = 1000
const DEFAULT_TOP = 100
const OPTIONS = new Set(['$filter', '$select', '$orderby', '$top', '$skip'])

function integerOption(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name)
  if (raw === null) return undefined
  if (!/^\d+$/.test(raw.trim())) throw new ODataError(`Invalid value '${raw}' for ${name} query option found. The ${name} query option requires a non-negative integer value.`)
  return Number(raw)
}

export function runQuery(set: string, spec: EntitySet, rows: DwRow[], params: URLSearchParams, selfUrl: string) {
  for (const name of new Set(params.keys())) {
    if (name.startsWith('$') && !OPTIONS.has(name)) throw new ODataError(`The query parameter '${name}' is not supported.`)
    if (params.getAll(name).length > 1) throw new ODataError(`The query parameter '${name}' is specified more than once but it must be specified at most once.`)
  }
  const unknown = (field: string) => new ODataError(`Could not find a property named '${field}' on type '${set}'.`)
  const filter = params.get('$filter')
  let result = filter ? rows.filter(compileFilter(filter, spec.fields, set)) : rows
  const orderby = (params.get('$orderby') ?? spec.key).split(',').map((part) => {
    const [field, direction = 'asc', extra] = part.trim().split(/\s+/)
    if (!field || extra || (direction !== 'asc' && direction !== 'desc')) throw new ODataError(`Syntax error in $orderby '${part}'.`)
    if (!spec.fields[field]) throw unknown(field)
    return { field, sign: direction === 'desc' ? -1 : 1 }
  })
  result = [...result].sort((a, b) => {
    for (const { field, sign } of orderby) {
      const x = a[field] ?? null
      const y = b[field] ?? null
      if (x === y) continue
      // Nulls sort first ascending, as SQL Server does.
      if (x === null) return -sign
      if (y === null) return sign
      return (x < y ? -1 : 1) * sign
    }
    return 0
  })
  const top = integerOption(params, '$top')
  if (top !== undefined && (top < 1 || top > MAX_TOP)) throw new ODataError(`The limit of '${MAX_TOP}' for Top query has been exceeded. The value from the incoming request is '${top}'.`)
  const skip = integerOption(params, '$skip') ?? 0
  const size = top ?? DEFAULT_TOP
  const page = result.slice(skip, skip + size)
  const select = params.get('$select')
  const fields = select ? select.split(',').map((f) => f.trim()) : null
  for (const f of fields ?? []) if (!spec.fields[f]) throw unknown(f)
  const value = fields ? page.map((row) => Object.fromEntries(fields.map((f) => [f, row[f] ?? null]))) : page
  const body: Record<string, unknown> = { '@odata.context': `${selfUrl.split('/odata/')[0]}/odata/$metadata#${set}`, value }
  if (top === undefined && skip + size < result.length) {
    const next = new URLSearchParams(params)
    next.set('$skip', String(skip + size))
    // OData servers write system options with a literal `$`.
    body['@odata.nextLink'] = `${selfUrl.split('?')[0]}?${next.toString().replace(/%24/g, '$')}`
  }
  return body
}
