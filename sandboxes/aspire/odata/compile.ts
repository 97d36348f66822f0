/**
 * Binds a parsed `$filter` to an entity's fields and compiles it into a row predicate. Semantics follow
 * ASP.NET OData over EF Core on SQL Server, which is what Aspire runs: C# null semantics (`X ne 5` keeps
 * nulls; ordering comparisons with null are false) and case-insensitive string comparison (the default
 * SQL Server collation). Literals are coerced to the field's type because Aspire's guide makes quotes
 * optional for numbers, booleans and dates. Which date-time literals parse at all is the parser's
 * `odata-v4` rule (store/query.ts); what a parsed one is compared as is `date-literal.ts`. Also returns the simple `Field op literal` bounds of the
 * top-level `and` chain so the query runner can binary-search a sorted index.
 * @module
 */
import type { FieldInfo } from '../spec/fields'
import { literalWall } from './date-literal'
import { compileCall } from './functions'
import { ODataError } from '../../shared/odata/odata-error'
import { EDM, keyOf, type Operand, type Row, type ScalarKind, type Value } from './operand'
import type { CompareOp, FilterNode, LiteralNode } from '../../shared/odata/parse'

export interface Bound {
  field: string
  op: 'eq' | 'gt' | 'ge' | 'lt' | 'le'
  value: Value
}

export interface CompiledFilter {
  predicate: (row: Row) => boolean
  bounds: Bound[]
}

const OP_NAMES: Record<CompareOp, string> = {
  eq: 'Equal',
  ne: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
}

const FLIPPED: Record<CompareOp, CompareOp> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' }

export function compileFilter(tree: FilterNode, fields: Map<string, FieldInfo>, typeName: string): CompiledFilter {
  const operand = (node: FilterNode): Operand => compileOperand(node, fields, typeName)
  const root = operand(tree)
  if (root.kind !== 'boolean') throw new ODataError(`The $filter expression must evaluate to a single boolean value.`)
  const get = root.get
  return { predicate: (row) => get(row) === true, bounds: collectBounds(tree, fields, typeName) }
}

function compileOperand(node: FilterNode, fields: Map<string, FieldInfo>, typeName: string): Operand {
  const operand = (child: FilterNode) => compileOperand(child, fields, typeName)
  switch (node.type) {
    case 'literal':
      return literalOperand(node)
    case 'field': {
      const info = fieldInfo(node.name, fields, typeName)
      const name = node.name
      return { kind: info.kind as ScalarKind, get: (row) => row[name] as Value, field: name }
    }
    case 'and':
    case 'or': {
      const left = booleanOperand(operand(node.left), node.type)
      const right = booleanOperand(operand(node.right), node.type)
      const get: Operand['get'] =
        node.type === 'and' ? (row) => left(row) === true && right(row) === true : (row) => left(row) === true || right(row) === true
      return { kind: 'boolean', get }
    }
    case 'not': {
      const inner = booleanOperand(operand(node.operand), 'not')
      return { kind: 'boolean', get: (row) => inner(row) !== true }
    }
    case 'compare':
      return compileCompare(node.op, operand(node.left), operand(node.right))
    case 'in': {
      const target = operand(node.operand)
      if (target.kind === 'null') throw new ODataError(`The left operand of 'in' must be a property.`)
      const kind = target.kind
      const set = new Set(node.values.map((literal) => keyOf(kind, coerce(literal, kind, 'In'))))
      const get = target.get
      return { kind: 'boolean', get: (row) => set.has(keyOf(kind, get(row))) }
    }
    case 'call':
      return compileCall(node.name, node.args.map(operand))
  }
}

function fieldInfo(name: string, fields: Map<string, FieldInfo>, typeName: string): FieldInfo {
  const info = fields.get(name)
  if (!info) throw new ODataError(`Could not find a property named '${name}' on type '${typeName}'.`)
  if (info.kind === 'complex') throw new ODataError(`The property '${name}' cannot be used in the $filter query option.`)
  return info
}

function literalOperand(node: LiteralNode): Operand {
  if (node.kind === 'datetime') {
    const value = literalWall(node.value)
    if (value === null) throw new ODataError(`The date-time literal '${node.value}' is not valid.`)
    return { kind: 'datetime', get: () => value, literal: node }
  }
  const kind: Operand['kind'] = node.kind === 'number' ? 'number' : node.kind
  const value = node.value
  return { kind, get: () => value, literal: node }
}

function booleanOperand(operand: Operand, context: string): Operand['get'] {
  if (operand.kind !== 'boolean') throw new ODataError(`The operand for a '${context}' operator must be of type Edm.Boolean, found ${EDM[operand.kind]}.`)
  return operand.get
}

const isNumeric = (kind: Operand['kind']) => kind === 'int' || kind === 'number'

/** A literal converted to the kind of the field it is compared with, or a 400. */
function coerce(literal: LiteralNode, kind: ScalarKind, opName: string): Value {
  if (literal.kind === 'null') return null
  const mismatch = () =>
    new ODataError(
      `A binary operator with incompatible types was detected. Found operand types '${EDM[kind]}' and '${EDM[literal.kind === 'number' ? 'number' : literal.kind]}' for operator kind '${opName}'.`,
    )
  switch (kind) {
    case 'int':
    case 'number': {
      if (literal.kind === 'number') return literal.value
      if (literal.kind === 'string' && literal.value.trim() !== '' && Number.isFinite(Number(literal.value))) return Number(literal.value)
      throw mismatch()
    }
    case 'boolean':
      if (literal.kind === 'boolean') return literal.value
      if (literal.kind === 'string' && (literal.value === 'true' || literal.value === 'false')) return literal.value === 'true'
      throw mismatch()
    case 'datetime': {
      if (literal.kind !== 'string' && literal.kind !== 'datetime') throw mismatch()
      const value = literalWall(literal.value)
      if (value === null) throw new ODataError(`The value '${literal.value}' is not a valid date-time.`)
      return value
    }
    case 'string':
      if (literal.kind !== 'string') throw mismatch()
      return literal.value
  }
}

function compileCompare(op: CompareOp, left: Operand, right: Operand): Operand {
  // Put the typed side on the left so the literal can be coerced to its kind.
  if (left.literal && !right.literal) return compileCompare(FLIPPED[op], right, left)
  let kind: Operand['kind']
  let rightGet = right.get
  if (right.literal && left.kind !== 'null') {
    kind = left.kind
    const value = keyOf(kind, coerce(right.literal, left.kind, OP_NAMES[op]))
    rightGet = () => value
  } else {
    const compatible = left.kind === right.kind || (isNumeric(left.kind) && isNumeric(right.kind)) || left.kind === 'null' || right.kind === 'null'
    if (!compatible) {
      throw new ODataError(
        `A binary operator with incompatible types was detected. Found operand types '${EDM[left.kind]}' and '${EDM[right.kind]}' for operator kind '${OP_NAMES[op]}'.`,
      )
    }
    kind = left.kind === 'null' ? right.kind : left.kind
    const raw = right.get
    rightGet = (row) => keyOf(kind, raw(row))
  }
  const rawLeft = left.get
  const leftGet = (row: Row) => keyOf(kind, rawLeft(row))
  return { kind: 'boolean', get: comparator(op, leftGet, rightGet) }
}

function comparator(op: CompareOp, left: Operand['get'], right: Operand['get']): Operand['get'] {
  switch (op) {
    case 'eq':
      return (row) => left(row) === right(row)
    case 'ne':
      return (row) => left(row) !== right(row)
    default: {
      const test = ORDER_TESTS[op]
      return (row) => {
        const a = left(row)
        const b = right(row)
        return a !== null && b !== null && test(a, b)
      }
    }
  }
}

const ORDER_TESTS: Record<'gt' | 'ge' | 'lt' | 'le', (a: NonNullable<Value>, b: NonNullable<Value>) => boolean> = {
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
}

/** `Field op literal` terms of the top-level `and` chain, with literals coerced to sort keys. */
function collectBounds(tree: FilterNode, fields: Map<string, FieldInfo>, typeName: string): Bound[] {
  if (tree.type === 'and') return [...collectBounds(tree.left, fields, typeName), ...collectBounds(tree.right, fields, typeName)]
  if (tree.type !== 'compare') return []
  const flip = tree.left.type === 'literal' && tree.right.type === 'field'
  const left = flip ? tree.right : tree.left
  const right = flip ? tree.left : tree.right
  const op = flip ? FLIPPED[tree.op] : tree.op
  if (op === 'ne' || left.type !== 'field' || right.type !== 'literal' || right.kind === 'null') return []
  const info = fieldInfo(left.name, fields, typeName)
  return [{ field: left.name, op, value: keyOf(info.kind, coerce(right, info.kind as ScalarKind, OP_NAMES[op])) }]
}
