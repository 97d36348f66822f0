import { describe, expect, it } from 'vitest'
import { probeMatches } from '../../content/page-rules'
import { buildertrendPageKey, describeBuildertrendPage, detectBuildertrendPage } from './detect-page'
import { BUILDERTREND_FIXTURES, type BuildertrendFixtureName, loadBuildertrendFixture } from './fixtures'
import { buildertrendPageRules } from './selectors'
import { buildertrendSite } from './site'

const names = Object.keys(BUILDERTREND_FIXTURES) as BuildertrendFixtureName[]

describe('Buildertrend selectors against the fixtures', () => {
  for (const name of names) {
    it(`should find the ${name} probe once on its own screen and no other probe there`, () => {
      for (const rule of buildertrendPageRules.filter((r) => names.includes(r.kind as BuildertrendFixtureName))) {
        expect(probeMatches(loadBuildertrendFixture(name), rule.probe), `${rule.kind} on ${name}`).toHaveLength(rule.kind === name ? 1 : 0)
      }
    })
  }
})

describe('detectBuildertrendPage', () => {
  it('should read each fixture screen at its URL', () => {
    const read = (name: BuildertrendFixtureName) => detectBuildertrendPage(new URL(BUILDERTREND_FIXTURES[name].url), loadBuildertrendFixture(name))
    expect(read('time-clock')).toEqual({ kind: 'time-clock', id: null, title: null })
    expect(read('job')).toEqual({ kind: 'job', id: '4102', title: 'Cedar Ridge Remodel' })
  })

  it('should accept the route shapes Buildertrend may use, and recognise a screen by content on an unknown route', () => {
    const job = loadBuildertrendFixture('job')
    for (const url of ['https://buildertrend.net/app/JobPage/4102/1', 'https://buildertrend.net/app/Jobs/4102', 'https://buildertrend.net/app/job/4102?tab=info']) {
      expect(detectBuildertrendPage(new URL(url), job), url).toMatchObject({ kind: 'job', id: '4102' })
    }
    expect(detectBuildertrendPage(new URL('https://buildertrend.net/app/Timesheets'), loadBuildertrendFixture('time-clock')).kind).toBe('time-clock')
  })

  it('should call everything else "other", with no line in the panel', () => {
    const blank = new DOMParser().parseFromString('<html><body><h1>Schedule</h1></body></html>', 'text/html')
    const page = detectBuildertrendPage(new URL('https://buildertrend.net/app/Schedule'), blank)
    expect(page).toEqual({ kind: 'other', id: null, title: null })
    expect(describeBuildertrendPage(page).label).toBeNull()
  })

  it("should keep the page's text as text, capped in length", () => {
    const doc = loadBuildertrendFixture('job')
    doc.querySelector('.job-name')!.textContent = `<img src=x onerror=alert(1)> ${'y'.repeat(300)}`
    const page = detectBuildertrendPage(new URL(BUILDERTREND_FIXTURES.job.url), doc)
    expect(page.title!.startsWith('<img src=x onerror=alert(1)> y')).toBe(true)
    expect(page.title).toHaveLength(120)
    expect(describeBuildertrendPage(page)).toMatchObject({ label: 'Job', id: '4102' })
  })
})

describe('buildertrendPageKey and site', () => {
  it('should key by screen and record, ignoring the query', () => {
    const key = (url: string) => buildertrendPageKey(new URL(url))
    expect(key('https://buildertrend.net/app/JobPage/4102?tab=2')).toBe(key('https://buildertrend.net/app/JobPage/4102'))
    expect(key('https://buildertrend.net/app/JobPage/4102')).not.toBe(key('https://buildertrend.net/app/JobPage/4103'))
  })

  it('should match buildertrend.net and its subdomains only', () => {
    expect(buildertrendSite.matches).toEqual(['https://buildertrend.net/*', 'https://*.buildertrend.net/*'])
  })
})
