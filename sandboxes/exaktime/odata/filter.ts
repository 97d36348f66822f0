/**
 * `$filter` for the warehouse: the OData grammar is the Aspire sandbox's parser (shared, vendor-neutral);
 * the semantics here are plain OData v4 on typed fields: `eq ne gt ge lt le`, `and or not`, `in`,
 * parentheses; comparisons with null are false except `eq`/`ne`. Strings compare exactly. Dates
 * (`WorkDate ge 2026-05-01`), instants (`LastModified ge 2026-05-01T00:00:00Z`) and local wall times are
 * normalised before comparing.
 * @module
 */
import { ODataError } from '../../shared/odata/odata-error'
import { parseFilter, type FilterNode, type LiteralNode } from '../../shared/odata/parse'
import type { DwRow, FieldKind } from './entity-sets'

type Value = string | number | boolean | null
type Get = (row: DwRow) => Value

function coerce(literal: LiteralNode, kind: FieldKind, field: string): Value {
  if (literal.kind === 'null') return null
  const bad = () => new ODataError(`A binary operator with incompatible types was detected for property '${field}'.`)
  switch (kind) {
    case 'int':
    case 'number':
      if (literal.kind !== 'number') throw bad()
      return literal.value
    case 'boolean':
      if (literal.kind !== 'boolean') throw bad()
      return literal.value
    case 'string':
      if (literal.kind !== 'string') throw bad()
      return literal.value
    case 'date':
      if (literal.kind !== 'datetime' || !/^\d{4}-\d{2}-\d{2}$/.test(literal.value)) throw new ODataError(`The value for '${field}' must be an Edm.Date like 2026-05-01.`)
      return literal.value
    case 'datetime': {
      const ms = literal.kind === 'datetime' || literal.kind === 'string' ? Date.parse(literal.value) : NaN
      if (Number.isNaN(ms)) throw new ODataError(`The value for '${field}' must be an Edm.DateTimeOffset like 2026-05-01T00:00:00Z.`)
      return new Date(ms).toISOString()
    }
    case 'local':
      if (literal.kind !== 'datetime' && literal.kind !== 'string') throw bad()
      return `${literal.value}T00:00:00`.slice(0, 19)
  }
}

function compile(node: FilterNode, fields: Record<string, FieldKind>, set: string): Get {
  const fieldOf = (n: FilterNode) => {
    if (n.type !== 'field') return null
    const kind = fields[n.name]
    if (!kind) throw new ODataError(`Could not find a property named '${n.name}' on type '${set}'.`)
    return { name: n.name, kind }
  }
  switch (node.type) {
    case 'and':
    case 'or': {
      const left = compile(node.left, fields, set)
      const right = compile(node.right, fields, set)
      return node.type === 'and' ? (r) => left(r) === true && right(r) === true : (r) => left(r) === true || right(r) === true
    }
    case 'not': {
      const inner = compile(node.operand, fields, set)
      return (r) => inner(r) !== true
    }
    case 'in': {
      const field = fieldOf(node.operand)
      if (!field) throw new ODataError(`The left operand of 'in' must be a property.`)
      const values = new Set(node.values.map((v) => coerce(v, field.kind, field.name)))
      return (r) => values.has(r[field.name] ?? null)
    }
    case 'compare': {
      const flipped = node.left.type === 'literal'
      const field = fieldOf(flipped ? node.right : node.left)
      const literal = flipped ? node.left : node.right
      if (!field || literal.type !== 'literal') throw new ODataError(`Only comparisons of a property with a literal are supported.`)
      const value = coerce(literal, field.kind, field.name)
      const op = flipped ? ({ eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' } as const)[node.op] : node.op
      return (r) => {
        const actual = r[field.name] ?? null
        if (op === 'eq') return actual === value
        if (op === 'ne') return actual !== value
        if (actual === null || value === null) return false
        return op === 'gt' ? actual > value : op === 'ge' ? actual >= value : op === 'lt' ? actual < value : actual <= value
      }
    }
    case 'field': {
      const field = fieldOf(node)!
      if (field.kind !== 'boolean') throw new ODataError(`The $filter expression must evaluate to a single boolean value.`)
      return (r) => r[field.name] ?? null
    }
    case 'literal':
      if (node.kind !== 'boolean') throw new ODataError(`The $filter expression must evaluate to a single boolean value.`)
      return () => node.value
    case 'call':
      throw new ODataError(`The function '${node.name}' is not supported.`)
  }
}

export function compileFilter(text: string, fields: Record<string, FieldKind>, set: string): (row: DwRow) => boolean {
  const get = compile(parseFilter(text), fields, set)
  return (row) => get(row) === true
}
