import { describe, expect, it } from 'vitest'
import { probeMatches } from '../../content/page-rules'
import { describeExakTimePage, detectExakTimePage, exaktimePageKey } from './detect-page'
import { EXAKTIME_FIXTURES, type ExakTimeFixtureName, loadExakTimeFixture } from './fixtures'
import { exaktimePageRules } from './selectors'

const fixtureNames = Object.keys(EXAKTIME_FIXTURES) as ExakTimeFixtureName[]
const read = (name: ExakTimeFixtureName, url: string = EXAKTIME_FIXTURES[name].url) => detectExakTimePage(new URL(url), loadExakTimeFixture(name))

describe('ExakTime selectors against the fixtures', () => {
  for (const name of fixtureNames) {
    it(`should find the ${name} probe once on its own screen and no other probe there`, () => {
      for (const rule of exaktimePageRules) {
        expect(probeMatches(loadExakTimeFixture(name), rule.probe), `${rule.kind} on ${name}`).toHaveLength(rule.kind === name ? 1 : 0)
      }
    })
  }
})

describe('detectExakTimePage', () => {
  it('should read each fixture screen at its URL, with the Company ID from the subdomain', () => {
    expect(read('time-cards')).toEqual({ kind: 'time-cards', id: null, title: 'Time Cards', companyId: 'acme' })
    expect(read('sign-in')).toEqual({ kind: 'sign-in', id: null, title: null, companyId: 'acme' })
  })

  it('should recognise a screen by its content when the route is unknown', () => {
    expect(read('time-cards', 'https://acme.exaktime.com/app/#/tc?week=3').kind).toBe('time-cards')
    expect(read('sign-in', 'https://acme.exaktime.com/Account/Authenticate').kind).toBe('sign-in')
  })

  it('should call everything else "other", and still know the company', () => {
    const blank = new DOMParser().parseFromString('<html><body><h1>Dashboard</h1></body></html>', 'text/html')
    expect(detectExakTimePage(new URL('https://Summit.exaktime.com/app/dashboard'), blank)).toEqual({ kind: 'other', id: null, title: null, companyId: 'summit' })
    expect(detectExakTimePage(new URL('https://www.exaktime.com/pricing'), blank).companyId).toBeNull()
  })

  it('should keep page text as text, capped in length', () => {
    const doc = loadExakTimeFixture('time-cards')
    doc.querySelector('h1')!.textContent = `Time Cards`
    doc.querySelector('h1')!.insertAdjacentText('beforeend', ` <img src=x onerror=alert(1)> ${'x'.repeat(300)}`)
    const page = detectExakTimePage(new URL(EXAKTIME_FIXTURES['time-cards'].url), doc)
    expect(page.title!.startsWith('Time Cards <img src=x onerror=alert(1)> x')).toBe(true)
    expect(page.title).toHaveLength(120)
  })
})

describe('describeExakTimePage', () => {
  it('should name the screen and the company', () => {
    expect(describeExakTimePage(read('time-cards'))).toEqual({ kind: 'time-cards', id: null, label: 'Time cards', title: 'company acme', account: 'acme' })
    expect(describeExakTimePage({ kind: 'other', id: null, title: null, companyId: null })).toEqual({ kind: 'other', id: null, label: 'ExakTime Connect', title: null, account: null })
  })
})

describe('exaktimePageKey', () => {
  it('should be the same when only the query changes and differ for another screen', () => {
    const key = (url: string) => exaktimePageKey(new URL(url))
    expect(key('https://acme.exaktime.com/app/timecards?week=2')).toBe(key('https://acme.exaktime.com/app/timecards'))
    expect(key('https://acme.exaktime.com/app/timecards')).not.toBe(key('https://acme.exaktime.com/app/reports'))
  })
})
