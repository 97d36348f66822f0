/**
 * Recursive-descent parser for `$filter`. Precedence, loosest first: `or`, `and`, `not`, comparison
 * (`eq ne gt ge lt le`, `in (...)`), then primaries: parentheses, function calls, fields and literals.
 * Operators and literal keywords are lowercase as in OData; function names are matched case-insensitively
 * because clients send `Date(Field)`.
 * @module
 */
import { ODataError, syntaxError } from './odata-error'
import { tokenize, type Token } from './tokenize'

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'

export type LiteralNode =
  | { type: 'literal'; kind: 'string'; value: string }
  | { type: 'literal'; kind: 'number'; value: number }
  | { type: 'literal'; kind: 'boolean'; value: boolean }
  | { type: 'literal'; kind: 'null'; value: null }
  | { type: 'literal'; kind: 'datetime'; value: string }

export type FilterNode =
  | LiteralNode
  | { type: 'field'; name: string }
  | { type: 'compare'; op: CompareOp; left: FilterNode; right: FilterNode }
  | { type: 'in'; operand: FilterNode; values: LiteralNode[] }
  | { type: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { type: 'not'; operand: FilterNode }
  | { type: 'call'; name: string; args: FilterNode[] }

const COMPARE_OPS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le'])

/**
 * How strictly date-time literals are read; each sandbox picks what its vendor's server does.
 * - `lenient` (default): unquoted date-times with or without `Z`/offset, and OData v3's `datetime'…'`.
 * - `odata-v4`: ODataLib's (ASP.NET OData's) lexer: an unquoted date-time needs `Z` or an offset, and
 *   `datetime'…'` is no literal at all (see `docs/vendors/aspire.md` §4.3 for the source lines).
 */
export type DateTimeLiterals = 'lenient' | 'odata-v4'

export interface ParseOptions {
  dateTimeLiterals?: DateTimeLiterals
}

/** ODataLib's `UriUtils_DateTimeOffsetInvalidFormat`, thrown for a date-time without `Z` or offset. */
export const dateTimeOffsetInvalidFormat = (literal: string) =>
  new ODataError(`The DateTimeOffset text '${literal}' should be in format 'yyyy-mm-ddThh:mm:ss('.'s+)?(zzzzzz)?' and each field value is within valid range.`)

const HAS_TIME = /T/
const HAS_OFFSET = /(?:Z|[+-]\d{2}:\d{2})$/

export function parseFilter(text: string, options: ParseOptions = {}): FilterNode {
  if (!text.trim()) throw new ODataError('The $filter query option is empty.')
  const strict = options.dateTimeLiterals === 'odata-v4'
  const tokens = tokenize(text)
  let index = 0
  const peek = (): Token => tokens[index]!
  const next = (): Token => tokens[index++]!
  const isWord = (token: Token, word: string) => token.type === 'word' && token.value === word
  const expect = (type: Token['type']) => {
    const token = next()
    if (token.type !== type) throw syntaxError(token.pos, text)
    return token
  }

  const parseOr = (): FilterNode => {
    let left = parseAnd()
    while (isWord(peek(), 'or')) {
      next()
      left = { type: 'or', left, right: parseAnd() }
    }
    return left
  }

  const parseAnd = (): FilterNode => {
    let left = parseNot()
    while (isWord(peek(), 'and')) {
      next()
      left = { type: 'and', left, right: parseNot() }
    }
    return left
  }

  const parseNot = (): FilterNode => {
    if (isWord(peek(), 'not')) {
      next()
      return { type: 'not', operand: parseNot() }
    }
    return parseComparison()
  }

  const parseComparison = (): FilterNode => {
    const left = parsePrimary()
    const token = peek()
    if (token.type === 'word' && COMPARE_OPS.has(token.value)) {
      next()
      return { type: 'compare', op: token.value as CompareOp, left, right: parsePrimary() }
    }
    if (isWord(token, 'in')) {
      next()
      expect('lparen')
      const values: LiteralNode[] = []
      for (;;) {
        const value = parsePrimary()
        if (value.type !== 'literal') throw syntaxError(token.pos, text)
        values.push(value)
        if (peek().type !== 'comma') break
        next()
      }
      expect('rparen')
      return { type: 'in', operand: left, values }
    }
    return left
  }

  const parsePrimary = (): FilterNode => {
    const token = next()
    switch (token.type) {
      case 'lparen': {
        const inner = parseOr()
        expect('rparen')
        return inner
      }
      case 'string':
        return { type: 'literal', kind: 'string', value: token.value }
      case 'number':
        return { type: 'literal', kind: 'number', value: token.value }
      case 'datetime':
        // A date alone is an Edm.Date (promoted to DateTimeOffset when compared); a time needs its zone.
        if (strict && HAS_TIME.test(token.value) && !HAS_OFFSET.test(token.value)) throw dateTimeOffsetInvalidFormat(token.value)
        return { type: 'literal', kind: 'datetime', value: token.value }
      case 'word':
        return parseWord(token)
      default:
        throw syntaxError(token.pos, text)
    }
  }

  const parseWord = (token: Extract<Token, { type: 'word' }>): FilterNode => {
    const word = token.value
    if (word === 'true' || word === 'false') return { type: 'literal', kind: 'boolean', value: word === 'true' }
    if (word === 'null') return { type: 'literal', kind: 'null', value: null }
    const following = peek()
    // OData v3 style typed literal: datetime'2024-06-01T00:00:00'
    if ((word === 'datetime' || word === 'datetimeoffset') && following.type === 'string' && following.pos === token.pos + word.length) {
      next()
      // ODataLib knows only the duration/binary/geography/geometry prefixes; any other is read as a string.
      if (strict) throw unrecognizedStringLiteral(token.pos, text.slice(token.pos, peek().pos).trimEnd(), text)
      return { type: 'literal', kind: 'datetime', value: following.value }
    }
    if (following.type === 'lparen') {
      next()
      const args: FilterNode[] = []
      while (peek().type !== 'rparen') {
        if (args.length > 0) expect('comma')
        args.push(parseOr())
      }
      expect('rparen')
      return { type: 'call', name: word.toLowerCase(), args }
    }
    if (COMPARE_OPS.has(word) || word === 'and' || word === 'or' || word === 'not' || word === 'in') throw syntaxError(token.pos, text)
    return { type: 'field', name: word }
  }

  const tree = parseOr()
  if (peek().type !== 'eof') throw syntaxError(peek().pos, text)
  return tree
}

/** ODataLib's `UriQueryExpressionParser_UnrecognizedLiteral` for a prefixed quote it reads as Edm.String. */
const unrecognizedStringLiteral = (position: number, literal: string, text: string) =>
  new ODataError(`Unrecognized 'Edm.String' literal '${literal}' at '${position}' in '${text}'.`)
