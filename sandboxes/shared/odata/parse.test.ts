import { describe, expect, it } from 'vitest'
import { ODataError } from './odata-error'
import { parseFilter } from './parse'

describe('parseFilter', () => {
  it('should parse a comparison of a field with a literal', () => {
    expect(parseFilter('WorkTicketID eq 5')).toEqual({
      type: 'compare',
      op: 'eq',
      left: { type: 'field', name: 'WorkTicketID' },
      right: { type: 'literal', kind: 'number', value: 5 },
    })
  })

  it('should bind and tighter than or', () => {
    const tree = parseFilter('A eq 1 or B eq 2 and C eq 3')
    expect(tree.type).toBe('or')
    expect(tree.type === 'or' && tree.right.type).toBe('and')
  })

  it('should let parentheses override precedence', () => {
    const tree = parseFilter('(A eq 1 or B eq 2) and C eq 3')
    expect(tree.type).toBe('and')
    expect(tree.type === 'and' && tree.left.type).toBe('or')
  })

  it('should parse not, in lists and function calls with case-insensitive names', () => {
    expect(parseFilter('not (A eq 1)').type).toBe('not')
    expect(parseFilter('WorkTicketID in (1, 2, 3)')).toEqual({
      type: 'in',
      operand: { type: 'field', name: 'WorkTicketID' },
      values: [1, 2, 3].map((value) => ({ type: 'literal', kind: 'number', value })),
    })
    expect(parseFilter("Date(StartTime) eq 2026-04-08")).toMatchObject({ type: 'compare', left: { type: 'call', name: 'date' } })
    expect(parseFilter("contains(ContactName,'ar')")).toMatchObject({ type: 'call', name: 'contains', args: [{ type: 'field' }, { type: 'literal' }] })
  })

  it('should read true, false, null and v3 datetime literals', () => {
    expect(parseFilter('Active eq true')).toMatchObject({ right: { kind: 'boolean', value: true } })
    expect(parseFilter('CompleteDate eq null')).toMatchObject({ right: { kind: 'null', value: null } })
    expect(parseFilter("CompleteDate ge datetime'2026-01-01T00:00:00'")).toMatchObject({ right: { kind: 'datetime', value: '2026-01-01T00:00:00' } })
  })

  it('should treat capitalised operators as field names and fail', () => {
    expect(() => parseFilter('A EQ 1')).toThrow(ODataError)
  })

  it('should reject dangling operators, unbalanced parentheses and trailing tokens', () => {
    for (const text of ['A eq', '(A eq 1', 'A eq 1)', 'A eq 1 B', 'and A eq 1', 'A in (1,', '']) {
      expect(() => parseFilter(text), text).toThrow(ODataError)
    }
  })

  it('should reject a field in an in-list', () => {
    expect(() => parseFilter('A in (B)')).toThrow(ODataError)
  })

  describe("the 'odata-v4' date-time rule (ASP.NET OData)", () => {
    const strict = (text: string) => parseFilter(text, { dateTimeLiterals: 'odata-v4' })

    it('should accept a date-time with Z or an offset, and a bare date', () => {
      for (const literal of ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00.123Z', '2026-01-01T00:00:00-06:00', '2026-01-01T00:00:00+05:30', '2026-01-01']) {
        expect(strict(`A ge ${literal}`), literal).toMatchObject({ right: { kind: 'datetime', value: literal } })
      }
    })

    it('should refuse a date-time without Z or offset with ODataLib message', () => {
      for (const literal of ['2026-01-01T00:00:00', '2026-01-01T00:00', '2026-01-01T00:00:00.000']) {
        expect(() => strict(`A ge ${literal}`), literal).toThrow(
          `The DateTimeOffset text '${literal}' should be in format 'yyyy-mm-ddThh:mm:ss('.'s+)?(zzzzzz)?' and each field value is within valid range.`,
        )
      }
    })

    it("should refuse OData v3's datetime'…' as an unrecognized string literal", () => {
      expect(() => strict("A ge datetime'2026-01-01T00:00:00Z' and B eq 1")).toThrow(
        "Unrecognized 'Edm.String' literal 'datetime'2026-01-01T00:00:00Z'' at '5' in 'A ge datetime'2026-01-01T00:00:00Z' and B eq 1'.",
      )
    })

    it('should leave the lenient default (ExakTime) accepting both forms', () => {
      expect(parseFilter('A ge 2026-01-01T00:00:00')).toMatchObject({ right: { kind: 'datetime', value: '2026-01-01T00:00:00' } })
      expect(parseFilter("A ge datetime'2026-01-01T00:00:00'")).toMatchObject({ right: { kind: 'datetime' } })
    })
  })
})
