import { describe, expect, it } from 'vitest'
import { contract } from '../shared/api/contract'
import { app } from './app'

// The extension's client is typed from the contract; this keeps the app and the contract the same set.
describe('API contract', () => {
  const served = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))

  it('should serve every endpoint of the contract', () => {
    for (const [name, e] of Object.entries(contract)) {
      expect(served.has(`${e.method} ${e.path}`), `${name}: ${e.method} ${e.path}`).toBe(true)
    }
  })

  it('should have no route missing from the contract', () => {
    const declared = new Set(Object.values(contract).map((e) => `${e.method} ${e.path}`))
    expect([...served].filter((r) => !declared.has(r))).toEqual([])
  })
})
