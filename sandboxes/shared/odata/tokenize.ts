/**
 * Tokenizer for `$filter` expressions. Dates and date-times are tokens of their own because OData accepts
 * them unquoted (`ScheduledStartDate ge 2024-06-01`), which a number rule would otherwise split apart.
 * @module
 */
import { syntaxError } from './odata-error'

export type Token =
  | { type: 'lparen' | 'rparen' | 'comma' | 'eof'; pos: number }
  | { type: 'string'; value: string; pos: number }
  | { type: 'number'; value: number; pos: number }
  | { type: 'datetime'; value: string; pos: number }
  | { type: 'word'; value: string; pos: number }

const DATE_TIME = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?(?![\w.:-])/y
// OData allows type suffixes on numerals (10L, 1.5m, 2.0d, 3f).
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[mMdDfFlL]?(?![\w.])/y
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let pos = 0
  while (pos < text.length) {
    const char = text[pos]!
    if (/\s/.test(char)) {
      pos++
      continue
    }
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ type: char === '(' ? 'lparen' : char === ')' ? 'rparen' : 'comma', pos })
      pos++
      continue
    }
    if (char === "'") {
      const start = pos
      let value = ''
      pos++
      for (;;) {
        if (pos >= text.length) throw syntaxError(start, text)
        if (text[pos] === "'") {
          // A doubled quote is an escaped quote inside the string.
          if (text[pos + 1] === "'") {
            value += "'"
            pos += 2
            continue
          }
          pos++
          break
        }
        value += text[pos]
        pos++
      }
      tokens.push({ type: 'string', value, pos: start })
      continue
    }
    const dateTime = stickyMatch(DATE_TIME, text, pos)
    if (dateTime) {
      tokens.push({ type: 'datetime', value: dateTime, pos })
      pos += dateTime.length
      continue
    }
    const number = stickyMatch(NUMBER, text, pos)
    if (number) {
      tokens.push({ type: 'number', value: Number(number.replace(/[mMdDfFlL]$/, '')), pos })
      pos += number.length
      continue
    }
    const word = stickyMatch(WORD, text, pos)
    if (word) {
      tokens.push({ type: 'word', value: word, pos })
      pos += word.length
      continue
    }
    throw syntaxError(pos, text)
  }
  tokens.push({ type: 'eof', pos })
  return tokens
}

function stickyMatch(pattern: RegExp, text: string, pos: number): string | undefined {
  pattern.lastIndex = pos
  return pattern.exec(text)?.[0]
}
