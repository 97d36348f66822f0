import { describe, expect, it } from 'vitest'
import { detectAspirePage } from './detect-page'
import { ASPIRE_FIXTURES, type FixtureName, loadAspireFixture } from './fixtures'
import { findMountTarget } from './mount-target'

const targetOn = (name: FixtureName, doc = loadAspireFixture(name)) => findMountTarget(detectAspirePage(new URL(ASPIRE_FIXTURES[name].url), doc), doc)

describe('findMountTarget', () => {
  it('should put the panel inline above the API credentials list on the API screen', () => {
    const target = targetOn('api-admin')
    expect(target.layout).toBe('inline')
    expect(target.append).toBe('before')
    expect(target.anchor.matches('section.search-list')).toBe(true)
  })

  it('should dock the panel on jobs, work tickets and the work ticket list', () => {
    for (const name of ['job', 'work-ticket', 'work-ticket-list'] as const) {
      const target = targetOn(name)
      expect(target, name).toMatchObject({ layout: 'dock', append: 'last' })
      expect(target.anchor.tagName, name).toBe('BODY')
    }
  })

  it('should dock instead when the inline spot is missing', () => {
    const doc = loadAspireFixture('api-admin')
    doc.querySelector('.search-list')!.remove()
    expect(targetOn('api-admin', doc).layout).toBe('dock')
  })
})
