import { describe, expect, it } from 'vitest'
import { aspirePageKey, detectAspirePage, probeMatches } from './detect-page'
import { ASPIRE_FIXTURES, type FixtureName, loadAspireFixture } from './fixtures'
import { aspirePageRules } from './selectors'

const fixtureNames = Object.keys(ASPIRE_FIXTURES) as FixtureName[]
const emptyPage = () => new DOMParser().parseFromString('<html><body><div id="root"></div></body></html>', 'text/html')

describe('Aspire selectors against the fixtures', () => {
  for (const rule of aspirePageRules) {
    it(`should find the ${rule.kind} probe once on its own screen and nowhere else`, () => {
      for (const name of fixtureNames) {
        expect(probeMatches(loadAspireFixture(name), rule.probe), name).toHaveLength(name === rule.kind ? 1 : 0)
      }
    })
  }

  it('should find each screen title and inline mount spot exactly once', () => {
    for (const rule of aspirePageRules) {
      const doc = loadAspireFixture(rule.kind)
      if (rule.title) expect(doc.querySelectorAll(rule.title), rule.kind).toHaveLength(1)
      if (rule.mount.selector) expect(doc.querySelectorAll(rule.mount.selector), rule.kind).toHaveLength(1)
    }
  })
})

describe('detectAspirePage', () => {
  it('should read each fixture screen at its URL', () => {
    const read = (name: FixtureName) => detectAspirePage(new URL(ASPIRE_FIXTURES[name].url), loadAspireFixture(name))
    expect(read('work-ticket')).toEqual({ kind: 'work-ticket', id: '10452', title: null, rendered: true })
    expect(read('job')).toEqual({ kind: 'job', id: '2201', title: 'Maple Court HOA - Spring Cleanup', rendered: true })
    expect(read('work-ticket-list')).toEqual({ kind: 'work-ticket-list', id: null, title: null, rendered: true })
    expect(read('api-admin')).toEqual({ kind: 'api-admin', id: null, title: null, rendered: true })
  })

  it('should accept the route shapes Aspire may use', () => {
    const ticket = loadAspireFixture('work-ticket')
    for (const url of [
      'https://cloud.youraspire.com/app/work-tickets/details/10452',
      'https://cloud.youraspire.com/app/WorkTickets/10452/',
      'https://cloud.youraspire.com/app/#/work-tickets/details/10452',
      'https://cloud.youraspire.com/app/work-tickets/10452?tab=time',
    ]) {
      expect(detectAspirePage(new URL(url), ticket), url).toMatchObject({ kind: 'work-ticket', id: '10452', rendered: true })
    }
    const api = loadAspireFixture('api-admin')
    expect(detectAspirePage(new URL('https://cloud.youraspire.com/app/administration/application/api'), api).kind).toBe('api-admin')
  })

  it('should know the screen from the URL before it renders, and wait for its content', () => {
    expect(detectAspirePage(new URL(ASPIRE_FIXTURES.job.url), emptyPage())).toEqual({ kind: 'job', id: '2201', title: null, rendered: false })
  })

  it('should not mistake the previous ticket, still on screen during navigation, for the next one', () => {
    const stillOld = loadAspireFixture('work-ticket')
    expect(detectAspirePage(new URL('https://cloud.youraspire.com/app/work-tickets/10453'), stillOld)).toMatchObject({
      kind: 'work-ticket',
      id: '10453',
      rendered: false,
    })
  })

  it('should recognise a screen by its content when the route is unknown', () => {
    const unknownRoute = new URL('https://cloud.youraspire.com/app/tickets/view?ticket=10452')
    expect(detectAspirePage(unknownRoute, loadAspireFixture('work-ticket'))).toEqual({ kind: 'work-ticket', id: '10452', title: null, rendered: true })
    expect(detectAspirePage(unknownRoute, loadAspireFixture('job'))).toMatchObject({ kind: 'job', id: null, title: 'Maple Court HOA - Spring Cleanup' })
  })

  it('should call everything else "other"', () => {
    expect(detectAspirePage(new URL('https://cloud.youraspire.com/app/dashboard'), emptyPage())).toEqual({ kind: 'other', id: null, title: null, rendered: true })
  })

  it('should keep page text as text, capped in length', () => {
    const doc = loadAspireFixture('job')
    doc.querySelector('h1')!.textContent = `  <img src=x onerror=alert(1)>\n  ${'x'.repeat(300)}`
    const title = detectAspirePage(new URL(ASPIRE_FIXTURES.job.url), doc).title!
    expect(title.startsWith('<img src=x onerror=alert(1)> x')).toBe(true)
    expect(title).toHaveLength(120)
  })
})

describe('aspirePageKey', () => {
  it('should be the same when only the query changes and differ for another record or screen', () => {
    const key = (url: string) => aspirePageKey(new URL(url))
    expect(key('https://cloud.youraspire.com/app/work-tickets?status=open')).toBe(key('https://cloud.youraspire.com/app/work-tickets'))
    expect(key('https://cloud.youraspire.com/app/work-tickets/1')).not.toBe(key('https://cloud.youraspire.com/app/work-tickets/2'))
    expect(key('https://cloud.youraspire.com/app/work-tickets/1')).toBe(key('https://cloud.youraspire.com/app/work-tickets/details/1'))
    expect(key('https://cloud.youraspire.com/app/dashboard')).not.toBe(key('https://cloud.youraspire.com/app/calendar'))
  })
})
