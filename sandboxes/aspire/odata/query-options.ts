/**
 * Reads the OData system query options of a collection GET from the raw query string. Aspire's guide
 * says an option may not appear twice, so a repeat is a 400 here too; `$`-options Aspire does not
 * document (`$count`, `$search`, …) are rejected rather than silently ignored.
 * @module
 */
import { ODataError } from '../../shared/odata/odata-error'

export interface RawQueryOptions {
  filter?: string
  select?: string
  expand?: string
  orderby?: string
  top?: number
  skip?: number
  pageNumber?: number
  limit?: number
  apiVersion?: string
}

const OPTION_KEYS = {
  $filter: 'filter',
  $select: 'select',
  $expand: 'expand',
  $orderby: 'orderby',
  $top: 'top',
  $skip: 'skip',
  $pageNumber: 'pageNumber',
  $limit: 'limit',
  'api-version': 'apiVersion',
} as const satisfies Record<string, keyof RawQueryOptions>

const NUMERIC = new Set<keyof RawQueryOptions>(['top', 'skip', 'pageNumber', 'limit'])
// $pageNumber counts from 1 and a page of 0 rows makes no sense; $top=0 and $skip=0 are legal OData.
const MINIMUM: Partial<Record<keyof RawQueryOptions, number>> = { pageNumber: 1, limit: 1 }

export function parseQueryOptions(search: string): RawQueryOptions {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search)
  const seen = new Set<string>()
  const options: RawQueryOptions = {}
  for (const [name, value] of params) {
    const key = Object.hasOwn(OPTION_KEYS, name) ? OPTION_KEYS[name as keyof typeof OPTION_KEYS] : undefined
    if (!key) {
      if (name.startsWith('$')) throw new ODataError(`The query parameter '${name}' is not supported.`)
      continue
    }
    if (seen.has(name)) throw new ODataError(`The query parameter '${name}' is specified more than once but it must be specified at most once.`)
    seen.add(name)
    if (NUMERIC.has(key)) {
      const number = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN
      const minimum = MINIMUM[key] ?? 0
      if (!Number.isSafeInteger(number) || number < minimum) {
        throw new ODataError(`Invalid value '${value}' for ${name} query option found. The ${name} query option requires an integer of at least ${minimum}.`)
      }
      ;(options as Record<string, number>)[key] = number
    } else {
      ;(options as Record<string, string>)[key] = value
    }
  }
  return options
}
