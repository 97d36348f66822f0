import { describe, expect, it } from 'vitest'
import { ODataError } from './odata-error'
import { tokenize } from './tokenize'

const kinds = (text: string) => tokenize(text).map((token) => ('value' in token ? [token.type, token.value] : [token.type]))

describe('tokenize', () => {
  it('should split a comparison into word, operator and number tokens', () => {
    expect(kinds('WorkTicketID eq 123')).toEqual([['word', 'WorkTicketID'], ['word', 'eq'], ['number', 123], ['eof']])
  })

  it('should read quoted strings with doubled quotes as escapes', () => {
    expect(kinds("Name eq 'O''Brien'")).toEqual([['word', 'Name'], ['word', 'eq'], ['string', "O'Brien"], ['eof']])
  })

  it('should keep unquoted dates and date-times whole, with or without Z and offsets', () => {
    expect(kinds('2024-06-01')).toEqual([['datetime', '2024-06-01'], ['eof']])
    expect(kinds('2025-11-01T00:00:00Z')).toEqual([['datetime', '2025-11-01T00:00:00Z'], ['eof']])
    expect(kinds('2025-11-01T07:30:00.123-05:00')).toEqual([['datetime', '2025-11-01T07:30:00.123-05:00'], ['eof']])
  })

  it('should read negative numbers, decimals and OData type suffixes', () => {
    expect(kinds('-5 1.25 10L 2.5m')).toEqual([['number', -5], ['number', 1.25], ['number', 10], ['number', 2.5], ['eof']])
  })

  it('should emit punctuation for parentheses and commas', () => {
    expect(kinds("contains(Name,'x')").map(([type]) => type)).toEqual(['word', 'lparen', 'word', 'comma', 'string', 'rparen', 'eof'])
  })

  it('should reject an unterminated string', () => {
    expect(() => tokenize("Name eq 'abc")).toThrow(ODataError)
  })

  it('should reject characters outside the grammar', () => {
    expect(() => tokenize('Hours gt 1 & Hours lt 2')).toThrow(/Syntax error at position 11/)
  })
})
