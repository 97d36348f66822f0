import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { centsToDecimal, csvField, payrollCsvHead, payrollCsvRow, UTF8_BOM } from './payroll-csv'

/** A strict RFC 4180 reader, to prove what a spreadsheet gets back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  while (i < text.length) {
    let field = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), (i += 2)
        else if (text[i] === '"') break
        else if (i >= text.length) throw new Error('unterminated quote')
        else field += text[i++]
      }
      i++
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`)
        field += text[i++]
      }
    }
    row.push(field)
    if (text[i] === ',') i++
    else if (text.startsWith('\r\n', i)) (rows.push(row), (row = []), (i += 2))
    else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`)
  }
  if (row.length > 0) rows.push(row)
  return rows
}

describe('csvField', () => {
  it('should quote commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('Núñez, "Jr."')).toBe('"Núñez, ""Jr."""')
    expect(csvField('line\nbreak')).toBe('"line\nbreak"')
    expect(csvField('李雷')).toBe('李雷')
    expect(csvField('')).toBe('')
  })

  it('should neutralise values a spreadsheet would run as formulas', () => {
    expect(csvField('=1+1')).toBe("'=1+1")
    expect(csvField('+33 6')).toBe("'+33 6")
    expect(csvField('-2')).toBe("'-2")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('\tx')).toBe("'\tx")
    expect(csvField('\rx')).toBe('"\'\rx"')
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"')
    expect(csvField('a=b')).toBe('a=b')
  })

  it('should read back as the same text, apostrophe aside (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), (fields) => {
        const [parsed] = parseCsv(fields.map(csvField).join(',') + '\r\n')
        expect(parsed).toEqual(fields.map((f) => (/^[=+\-@\t\r]/.test(f) ? `'${f}` : f)))
      }),
    )
  })
})

describe('centsToDecimal', () => {
  it('should print plain decimal dollars from integer cents', () => {
    expect([7_500, 5, 0, -5, 123_456_789, -100].map(centsToDecimal)).toEqual(['75.00', '0.05', '0.00', '-0.05', '1234567.89', '-1.00'])
    expect(() => centsToDecimal(0.1)).toThrow(RangeError)
  })

  it('should give back the cents exactly (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
      const [dollars, hundredths] = centsToDecimal(cents).replace('-', '').split('.')
      expect((cents < 0 ? -1 : 1) * (Number(dollars) * 100 + Number(hundredths))).toBe(cents)
    }))
  })
})

describe('payroll CSV', () => {
  it('should start with the BOM and header and write CRLF records a strict reader parses back', () => {
    const text =
      payrollCsvHead() +
      payrollCsvRow({ workerName: 'Núñez, "Jr."', workerId: 'w1', periodStart: '2026-05-04', periodEnd: '2026-05-10', amountCents: 7_500, statement: 'ST-002', branch: 'North' }) +
      payrollCsvRow({ workerName: '李雷', workerId: '=cmd', periodStart: '2026-05-04', periodEnd: '2026-05-10', amountCents: 5, statement: 'ST-003', branch: '' })
    expect(text.startsWith(UTF8_BOM)).toBe(true)
    expect(parseCsv(text.slice(1))).toEqual([
      ['Worker Name', 'Worker ID', 'Pay Period Start', 'Pay Period End', 'Amount', 'Statement', 'Branch/Division'],
      ['Núñez, "Jr."', 'w1', '2026-05-04', '2026-05-10', '75.00', 'ST-002', 'North'],
      ['李雷', "'=cmd", '2026-05-04', '2026-05-10', '0.05', 'ST-003', ''],
    ])
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
  })
})
