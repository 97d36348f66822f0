import { describe, expect, it } from 'vitest'
import { BuildertrendSettings } from '../settings'
import { chooseTransport } from './select-transport'

const real = BuildertrendSettings.parse({ syncStartDate: '2026-01-01' })
const standIn = BuildertrendSettings.parse({ syncStartDate: '2026-01-01', baseUrl: 'http://127.0.0.1:9999' })
const binding = { fetch: (() => Promise.reject(new Error('unused'))) as typeof fetch }

describe('choosing the Buildertrend transport', () => {
  it('should use the browser for buildertrend.net when the Worker has the binding', () => {
    expect(chooseTransport(real, binding, undefined)).toBe('browser')
  })
  it('should stay on fetch without the binding, whatever the switch says', () => {
    expect(chooseTransport(real, undefined, 'browser')).toBe('fetch')
  })
  it('should keep a stand-in connection on fetch unless the switch forces the browser', () => {
    expect(chooseTransport(standIn, binding, undefined)).toBe('fetch')
    expect(chooseTransport(standIn, binding, 'browser')).toBe('browser')
  })
  it("should obey the operator's switch to turn the browser off", () => {
    expect(chooseTransport(real, binding, 'fetch')).toBe('fetch')
  })
})
