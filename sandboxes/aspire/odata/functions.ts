/**
 * OData functions usable in `$filter`: contains, startswith, endswith (case-insensitive like the rest of
 * string comparison), tolower, toupper, trim, date, and the date parts year … second.
 * @module
 */
import { startOfDay } from '../time/local-time'
import { ODataError } from '../../shared/odata/odata-error'
import { EDM, type Operand } from './operand'

export function compileCall(name: string, args: Operand[]): Operand {
  const arity = (count: number) => {
    if (args.length !== count) throw new ODataError(`The function '${name}' requires ${count} argument(s).`)
  }
  const stringArg = (index: number): Operand['get'] => {
    const arg = args[index]!
    if (arg.literal?.kind === 'string') {
      const value = arg.literal.value.toLowerCase()
      return () => value
    }
    if (arg.kind !== 'string' && arg.kind !== 'null') throw new ODataError(`The function '${name}' expects an Edm.String argument, found ${EDM[arg.kind]}.`)
    const get = arg.get
    return (row) => {
      const value = get(row)
      return typeof value === 'string' ? value.toLowerCase() : null
    }
  }
  const dateArg = (): Operand['get'] => {
    const arg = args[0]!
    if (arg.kind !== 'datetime') throw new ODataError(`The function '${name}' expects an Edm.DateTimeOffset argument, found ${EDM[arg.kind]}.`)
    return arg.get
  }
  switch (name) {
    case 'contains':
    case 'startswith':
    case 'endswith': {
      arity(2)
      const haystack = stringArg(0)
      const needle = stringArg(1)
      const test =
        name === 'contains'
          ? (a: string, b: string) => a.includes(b)
          : name === 'startswith'
            ? (a: string, b: string) => a.startsWith(b)
            : (a: string, b: string) => a.endsWith(b)
      return {
        kind: 'boolean',
        get: (row) => {
          const a = haystack(row)
          const b = needle(row)
          return typeof a === 'string' && typeof b === 'string' && test(a, b)
        },
      }
    }
    case 'tolower':
    case 'toupper':
    case 'trim': {
      arity(1)
      // Comparison is case-insensitive anyway, so tolower/toupper only need to keep the string kind.
      const get = args[0]!.kind === 'string' ? args[0]!.get : stringArg(0)
      return { kind: 'string', get: name === 'trim' ? (row) => (get(row) as string | null)?.trim() ?? null : get }
    }
    case 'date': {
      arity(1)
      const get = dateArg()
      return {
        kind: 'datetime',
        get: (row) => {
          const value = get(row)
          return typeof value === 'string' ? startOfDay(value) : null
        },
      }
    }
    case 'year':
    case 'month':
    case 'day':
    case 'hour':
    case 'minute':
    case 'second': {
      arity(1)
      const get = dateArg()
      const [from, to] = PART_SLICES[name]
      return {
        kind: 'int',
        get: (row) => {
          const value = get(row)
          return typeof value === 'string' ? Number(value.slice(from, to)) : null
        },
      }
    }
    default:
      throw new ODataError(`An unknown function with name '${name}' was found.`)
  }
}

const PART_SLICES: Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', [number, number]> = {
  year: [0, 4],
  month: [5, 7],
  day: [8, 10],
  hour: [11, 13],
  minute: [14, 16],
  second: [17, 19],
}
