/** Typed operands of a compiled `$filter` expression. */
import type { FieldKind } from '../spec/fields'
import type { LiteralNode } from '../../shared/odata/parse'

export type Value = string | number | boolean | null
export type Row = Record<string, unknown>
export type ScalarKind = Exclude<FieldKind, 'complex'>

export interface Operand {
  kind: ScalarKind | 'null'
  get: (row: Row) => Value
  /** Set when the operand is a plain field reference. */
  field?: string
  literal?: LiteralNode
}

/** EDM type names, as they appear in ODataLib's messages. */
export const EDM: Record<ScalarKind | 'null', string> = {
  int: 'Edm.Int32',
  number: 'Edm.Decimal',
  string: 'Edm.String',
  boolean: 'Edm.Boolean',
  datetime: 'Edm.DateTimeOffset',
  null: '<null>',
}

/** Sort/compare key: strings compare case-insensitively, everything else by value. */
export const keyOf = (kind: FieldKind | 'null', value: unknown): Value =>
  typeof value === 'string' && kind === 'string' ? value.toLowerCase() : (value as Value)
