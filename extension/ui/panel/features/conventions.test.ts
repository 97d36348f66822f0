import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Meta-test (refined-github's habit): every feature file ends with the real vendor pages to check it on by hand.
const here = import.meta.dirname
const vendorsDir = path.resolve(here, '../../../vendors')
const componentsIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.tsx') && !f.endsWith('.test.tsx'))
    .map((f) => path.join(dir, f))
const featureFiles = [
  ...componentsIn(here),
  // Each vendor's own panel parts (connect forms, its registry entry) live beside its page adapter.
  ...readdirSync(vendorsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => componentsIn(path.join(vendorsDir, d.name))),
  path.resolve(here, '../../../entrypoints/aspire.content/index.ts'),
  path.resolve(here, '../../../entrypoints/buildertrend.content/index.ts'),
  path.resolve(here, '../../../entrypoints/exaktime.content/index.ts'),
]

describe('panel feature files', () => {
  it('should exist', () => {
    expect(featureFiles.length).toBeGreaterThan(4)
  })

  for (const file of featureFiles) {
    it(`${path.relative(path.resolve(here, '../../..'), file)} should end with a "Test URLs" comment naming real vendor pages`, () => {
      const tail = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-3).join('\n')
      expect(tail).toMatch(/\/\/ Test URLs: https:\/\/(cloud\.youraspire\.com|buildertrend\.net|[a-z0-9-]+\.exaktime\.com)\//)
    })
  }
})
