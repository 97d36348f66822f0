import { describe, expect, it } from 'vitest'
import { matchesPattern } from './match-pattern'

describe('match patterns', () => {
  it.each([
    ['https://*.exaktime.com/*', 'https://acme.exaktime.com/app/timecards', true],
    ['https://*.exaktime.com/*', 'https://exaktime.com/', true],
    ['https://*.exaktime.com/*', 'https://acme.exaktime.com.evil.example/', false],
    ['https://*.exaktime.com/*', 'https://evilexaktime.com/', false],
    ['https://*.exaktime.com/*', 'http://acme.exaktime.com/', false],
    ['https://buildertrend.net/*', 'https://buildertrend.net/app?x=1', true],
    ['https://buildertrend.net/*', 'https://www.buildertrend.net/app', false],
    ['https://cloud.youraspire.com/app/*', 'https://cloud.youraspire.com/other', false],
    ['not a pattern', 'https://cloud.youraspire.com/', false],
  ])('%s against %s: %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, new URL(url))).toBe(expected)
  })
})
