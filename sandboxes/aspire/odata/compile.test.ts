import { describe, expect, it } from 'vitest'
import type { FieldInfo, FieldKind } from '../spec/fields'
import { compileFilter } from './compile'
import { ODataError } from '../../shared/odata/odata-error'
import { parseFilter } from '../../shared/odata/parse'

const FIELDS = new Map<string, FieldInfo>(
  (
    [
      ['ID', 'int'],
      ['Hours', 'number'],
      ['Name', 'string'],
      ['Active', 'boolean'],
      ['StartTime', 'datetime'],
      ['Tags', 'complex'],
    ] as Array<[string, FieldKind]>
  ).map(([name, kind]) => [name, { name, kind, nullable: true }]),
)

const ROWS = [
  { ID: 1, Hours: 2.5, Name: 'Carlos Garcia', Active: true, StartTime: '2026-04-08T07:00:00', Tags: null },
  { ID: 2, Hours: 8, Name: 'ana lopez', Active: false, StartTime: '2026-04-09T13:30:00', Tags: null },
  { ID: 3, Hours: null, Name: null, Active: null, StartTime: null, Tags: null },
]

const ids = (filter: string) => {
  const { predicate } = compileFilter(parseFilter(filter), FIELDS, 'Test.Row')
  return ROWS.filter(predicate).map((row) => row.ID)
}

describe('compileFilter', () => {
  describe('comparisons', () => {
    it('should compare numbers with all six operators', () => {
      expect(ids('Hours eq 8')).toEqual([2])
      expect(ids('Hours ne 8')).toEqual([1, 3])
      expect(ids('Hours gt 2.5')).toEqual([2])
      expect(ids('Hours ge 2.5')).toEqual([1, 2])
      expect(ids('Hours lt 8')).toEqual([1])
      expect(ids('Hours le 8')).toEqual([1, 2])
    })

    it('should follow C# null semantics: ne keeps nulls, ordering with null is false', () => {
      expect(ids('Hours eq null')).toEqual([3])
      expect(ids('Hours ne null')).toEqual([1, 2])
      expect(ids('Hours gt null')).toEqual([])
    })

    it('should compare strings case-insensitively like SQL Server', () => {
      expect(ids("Name eq 'carlos garcia'")).toEqual([1])
      expect(ids("Name eq 'ANA LOPEZ'")).toEqual([2])
      expect(ids("Name gt 'b'")).toEqual([1])
    })

    it('should accept a literal on the left', () => {
      expect(ids('8 le Hours')).toEqual([2])
    })

    it('should coerce quoted numbers and booleans to the field type', () => {
      expect(ids("ID eq '2'")).toEqual([2])
      expect(ids("Active eq 'true'")).toEqual([1])
    })
  })

  describe('dates', () => {
    it('should compare date-times with unquoted and quoted literals, with or without Z', () => {
      expect(ids('StartTime ge 2026-04-09')).toEqual([2])
      expect(ids("StartTime ge '2026-04-09'")).toEqual([2])
      expect(ids('StartTime lt 2026-04-09T00:00:00Z')).toEqual([1])
      expect(ids('StartTime eq 2026-04-09T13:30:00.000')).toEqual([2])
    })

    it('should truncate with date() and read parts with year()/hour()', () => {
      expect(ids('date(StartTime) eq 2026-04-08')).toEqual([1])
      expect(ids('hour(StartTime) ge 12')).toEqual([2])
      expect(ids('year(StartTime) eq 2026')).toEqual([1, 2])
    })
  })

  describe('logic and functions', () => {
    it('should combine with and, or, not and parentheses', () => {
      expect(ids('(ID eq 1 or ID eq 2) and Active eq false')).toEqual([2])
      expect(ids('not (ID eq 1)')).toEqual([2, 3])
      expect(ids('Active')).toEqual([1])
    })

    it('should support in-lists of numbers and strings', () => {
      expect(ids('ID in (1, 3)')).toEqual([1, 3])
      expect(ids("Name in ('ANA LOPEZ', 'nobody')")).toEqual([2])
    })

    it('should support contains, startswith and endswith, ignoring case', () => {
      expect(ids("contains(Name,'GARC')")).toEqual([1])
      expect(ids("startswith(Name,'ana')")).toEqual([2])
      expect(ids("endswith(tolower(Name),'lopez')")).toEqual([2])
    })
  })

  describe('errors', () => {
    const fails = (filter: string, message: RegExp) => expect(() => compileFilter(parseFilter(filter), FIELDS, 'Test.Row')).toThrow(message)

    it('should name an unknown or wrongly cased field', () => {
      fails('Nope eq 1', /Could not find a property named 'Nope' on type 'Test.Row'/)
      fails('id eq 1', /Could not find a property named 'id'/)
    })

    it('should reject incompatible literal types', () => {
      fails('Name eq 5', /incompatible types.*'Edm.String' and 'Edm.Decimal'/)
      fails("ID eq 'abc'", /incompatible types/)
      fails("StartTime ge 'yesterday'", /not a valid date-time/)
    })

    it('should reject complex properties, unknown functions and non-boolean filters', () => {
      fails('Tags eq null', /cannot be used in the \$filter/)
      fails('frobnicate(Name)', /unknown function/)
      fails('Hours', /must evaluate to a single boolean/)
      fails('contains(Hours, 1)', /expects an Edm.String/)
    })

    it('should raise ODataError so the API answers 400', () => {
      expect(() => compileFilter(parseFilter('Nope eq 1'), FIELDS, 'Test.Row')).toThrow(ODataError)
    })
  })

  describe('bounds', () => {
    it('should collect Field-op-literal terms of the top-level and chain only', () => {
      const { bounds } = compileFilter(parseFilter("ID ge 2 and StartTime lt 2026-05-01 and (Hours gt 1 or ID eq 9) and Name eq 'ABC'"), FIELDS, 'Test.Row')
      expect(bounds).toEqual([
        { field: 'ID', op: 'ge', value: 2 },
        { field: 'StartTime', op: 'lt', value: '2026-05-01T00:00:00' },
        { field: 'Name', op: 'eq', value: 'abc' },
      ])
    })

    it('should flip a literal-first comparison and skip ne', () => {
      const { bounds } = compileFilter(parseFilter('5 lt ID and ID ne 7'), FIELDS, 'Test.Row')
      expect(bounds).toEqual([{ field: 'ID', op: 'gt', value: 5 }])
    })
  })
})
